import path from 'node:path';
import { ConfigError, loadConfig } from '../../../../src/infrastructure/config/config';

describe('the portal settings', () => {
  it('serves web/dist by default, another folder with PORTAL_DIR, none with PORTAL=false', () => {
    expect(loadConfig({}, '/srv/app').portalDir).toBe(path.resolve('/srv/app', 'web', 'dist'));
    expect(loadConfig({ PORTAL_DIR: 'public' }, '/srv/app').portalDir).toBe(path.resolve('/srv/app', 'public'));
    expect(loadConfig({ PORTAL: 'false' }, '/srv/app').portalDir).toBeUndefined();
  });

  it('lets any site frame the portal unless PORTAL_FRAME_ANCESTORS names which', () => {
    expect(loadConfig({}).portalFrameAncestors).toBe('*');
    expect(loadConfig({ PORTAL_FRAME_ANCESTORS: "'self', https://www.uboss.example https://*.uboss.example:8443" }).portalFrameAncestors).toBe(
      "'self' https://www.uboss.example https://*.uboss.example:8443",
    );
    expect(loadConfig({ PORTAL_FRAME_ANCESTORS: "'none'" }).portalFrameAncestors).toBe("'none'");
  });

  it.each(["javascript:alert(1)", 'https://example.com/path', "'unsafe-inline'", 'example.com; script-src *'])('refuses %s as a frame ancestor', (value) => {
    expect(() => loadConfig({ PORTAL_FRAME_ANCESTORS: value })).toThrow(ConfigError);
  });

  it('takes PORTAL_URL as the start of the links in mails when the portal is served apart', () => {
    expect(loadConfig({}).portalUrl).toBeUndefined();
    expect(loadConfig({ PORTAL_URL: 'https://portal.uboss.example/' }).portalUrl).toBe('https://portal.uboss.example');
    expect(() => loadConfig({ PORTAL_URL: 'portal.uboss.example' })).toThrow('PORTAL_URL must be an http or https URL');
  });
});
