import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { Browser } from 'playwright-core';
import { createAgencyWithStaff, startTestApp, TestApp, TEST_PASSWORD, unique } from '../support/test-app';
import { checkScreen, launchBrowser, phonePage } from './support/portal-browser';

/*
 * Issue 15: the portal built and served apart from the API, as the README says: built with
 * VITE_FLEXPORTAL_API_URL pointing at the API, served by any static server from its own origin
 * (every path answered with index.html), that origin listed in the API's CORS_ORIGINS. A staff
 * member logs in there and uploads a file to the API as the portal does for an attachment. The API
 * server itself serves no portal here (PORTAL=false).
 */
const ROOT = path.resolve(__dirname, '..', '..');

describe('the portal on its own origin', () => {
  let t: TestApp;
  let browser: Browser;
  let staticServer: Server;
  let portalOrigin: string;
  let staffEmail: string;
  const outDir = mkdtempSync(path.join(tmpdir(), 'portal-apart-'));

  beforeAll(async () => {
    staticServer = createServer((req, res) => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = path.join(outDir, path.normalize(pathname));
      const found = file.startsWith(outDir + path.sep) && existsSync(file) && !file.endsWith(path.sep) && pathname !== '/';
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : file.endsWith('.json') ? 'application/json' : file.endsWith('.svg') ? 'image/svg+xml' : 'text/html';
      res.setHeader('content-type', found ? type : 'text/html');
      res.end(readFileSync(found ? file : path.join(outDir, 'index.html')));
    });
    await new Promise<void>((resolve) => staticServer.listen(0, '127.0.0.1', resolve));
    portalOrigin = `http://localhost:${(staticServer.address() as AddressInfo).port}`;
    t = await startTestApp({ env: { CORS_ORIGINS: portalOrigin } });
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'web-build.mjs')], {
      cwd: ROOT,
      env: { ...process.env, WEB_OUT_DIR: outDir, VITE_FLEXPORTAL_API_URL: t.url },
      stdio: 'ignore',
    });
    browser = await launchBrowser();
    const agency = await createAgencyWithStaff(t, unique('Apart agency '));
    staffEmail = agency.staffEmail;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => staticServer?.close(resolve));
    await t?.stop();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('logs in from its own origin, the API allowing that origin, and the API serves no page', async () => {
    const { page, problems } = await phonePage(browser);
    await page.goto(`${portalOrigin}/overview`);
    await page.locator('input[name="email"]').fill(staffEmail);
    await page.locator('input[name="password"]').fill(TEST_PASSWORD);
    const request = page.waitForRequest((r) => r.url() === t.url && r.method() === 'POST');
    await page.locator('form button[type="submit"]').click();
    await request;
    await page.locator('header.topbar').waitFor();
    expect(new URL(page.url()).origin).toBe(portalOrigin);
    await checkScreen(page, 'apart-logged-in');
    expect(problems).toEqual([]);
    const noPortal = await fetch(`${t.baseUrl}/`, { headers: { accept: 'text/html' } });
    expect(noPortal.status).toBe(404);

    // A file attached to a message goes to the API's POST /uploads from the portal's origin (CORS, preflight and all).
    const pdf = Array.from(await (await PDFDocument.create()).save());
    const uploaded = await page.evaluate(
      async ({ api, bytes }) => {
        const token = JSON.parse(window.sessionStorage.getItem('flexportal.token') ?? '{}').token as string;
        const response = await fetch(`${api}/uploads?fileName=note.pdf`, {
          method: 'POST',
          headers: { 'content-type': 'application/pdf', authorization: `Bearer ${token}` },
          body: new Uint8Array(bytes),
        });
        return { status: response.status, id: ((await response.json()) as { id?: string }).id };
      },
      { api: t.baseUrl, bytes: pdf },
    );
    expect(uploaded).toEqual({ status: 201, id: expect.any(String) });
  }, 90_000);
});
