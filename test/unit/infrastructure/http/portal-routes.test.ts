import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { portalRoutes } from '../../../../src/infrastructure/http/portal-routes';
import { securityHeaders } from '../../../../src/infrastructure/http/http-security';

/*
 * The portal at `/` (portal-routes.ts) on its own: the page for the portal's paths when a browser
 * asks for HTML, hashed assets cached for good, its own CSP with framing allowed where configured,
 * and nothing of the server's own paths or of an API caller's requests taken over.
 */
describe('the portal routes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-'));
  let server: Server;
  let base: string;

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
    const app = express();
    app.use(securityHeaders());
    app.get('/graphql', (_req, res) => void res.json({ api: true }));
    app.use(portalRoutes({ dir, frameAncestors: 'https://www.uboss.example' })!);
    app.use((_req, res) => void res.status(404).json({ notFound: true }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const html = { accept: 'text/html,application/xhtml+xml' };

  it('answers the page for any portal path a browser opens, never cached, framable where allowed', async () => {
    for (const pathname of ['/', '/week/2026-W48', '/invitation', '/messages/abc']) {
      const response = await fetch(base + pathname, { headers: html });
      expect({ pathname, status: response.status }).toEqual({ pathname, status: 200 });
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toContain('frame-ancestors https://www.uboss.example');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-frame-options')).toBeNull();
    }
  });

  it('serves hashed assets for a year and plain files, and 404s an unknown asset', async () => {
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/favicon.svg`)).status).toBe(200);
    expect((await fetch(`${base}/assets/nope.js`)).status).toBe(404);
  });

  it('leaves the server paths and API callers alone', async () => {
    expect(await (await fetch(`${base}/graphql`, { headers: html })).json()).toEqual({ api: true });
    const notHtml = await fetch(`${base}/somewhere`, { headers: { accept: 'application/json' } });
    expect(notHtml.status).toBe(404);
    const documents = await fetch(`${base}/documents/token`, { headers: html });
    expect(documents.status).toBe(404);
    const escape = await fetch(`${base}/..%2f..%2fetc%2fpasswd`, { headers: { accept: '*/*' } });
    expect(escape.status).toBe(404);
  });

  it('is not mounted when the portal was not built', () => {
    expect(portalRoutes({ dir: path.join(dir, 'missing'), frameAncestors: '*' })).toBeUndefined();
  });
});
