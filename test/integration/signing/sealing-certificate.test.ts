import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/infrastructure/config/config';
import { ConfigError } from '../../../src/infrastructure/config/config';
import { PadesPdfSealer } from '../../../src/infrastructure/signing/pades-pdf-sealer';
import { generateSelfSignedSealP12 } from '../../../src/infrastructure/signing/seal-p12';
import { createPdfSealer, loadSealingCertificate } from '../../../src/infrastructure/signing/sealing-certificate';
import { contractPdf, signingEvidence } from '../../support/mothers/signing-evidence.mother';

/*
 * Where the seal's certificate comes from: the configured P12, or one generated once into
 * DATA_DIR that every process on that DATA_DIR then shares, even when they start together.
 */

const ROOT = path.resolve(__dirname, '../../..');
const certificateOf = (p12: Buffer, password = '') => new PadesPdfSealer(p12, password).certificateSha256();

describe('loadSealingCertificate', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'seal-cert-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates one certificate when several loads start at once, keeps it (mode 0600) and reads it later', async () => {
    const [first, second, third] = await Promise.all([1, 2, 3].map(() => loadSealingCertificate({ dataDir: dir })));
    const file = path.join(dir, 'signing', 'seal.p12');
    expect(first.file).toBe(file);
    expect(second.p12.equals(first.p12)).toBe(true);
    expect(third.p12.equals(first.p12)).toBe(true);
    expect(readFileSync(file).equals(first.p12)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file))).toEqual(['seal.p12']); // no temporary file left behind

    const later = await loadSealingCertificate({ dataDir: dir });
    expect(await certificateOf(later.p12)).toBe(await certificateOf(first.p12));
  });

  it('generates one certificate when two processes start at once on the same DATA_DIR', async () => {
    const startAt = Date.now() + 1500;
    const script = `
      const { loadSealingCertificate } = require('./src/infrastructure/signing/sealing-certificate.ts');
      const { PadesPdfSealer } = require('./src/infrastructure/signing/pades-pdf-sealer.ts');
      setTimeout(async () => {
        const c = await loadSealingCertificate({ dataDir: process.argv[1] });
        process.stdout.write(await new PadesPdfSealer(c.p12, c.password).certificateSha256());
      }, ${startAt} - Date.now());`;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['-r', './test/support/swc-register.js', '-e', script, dir], { cwd: ROOT });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.stderr.on('data', (chunk) => (err += chunk));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
      });
    const [one, two] = await Promise.all([run(), run()]);
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(two).toBe(one);
    expect(await certificateOf(readFileSync(path.join(dir, 'signing', 'seal.p12')))).toBe(one);
  });

  it('uses the configured P12 with its password, and generates nothing', async () => {
    const configured = await generateSelfSignedSealP12({ commonName: 'Uitzendbureau Zonnebloem B.V.', password: 'geheim wachtwoord' });
    const p12Path = path.join(dir, 'zonnebloem.p12');
    writeFileSync(p12Path, configured);
    const config = loadConfig({ SIGNING_P12_PATH: 'zonnebloem.p12', SIGNING_P12_PASSWORD: 'geheim wachtwoord', DATA_DIR: 'data' }, dir);
    expect(config.signingP12Path).toBe(p12Path);

    const sealer = await createPdfSealer(config);
    expect(await sealer.certificateSha256()).toBe(await certificateOf(configured, 'geheim wachtwoord'));
    expect(existsSync(path.join(dir, 'data', 'signing'))).toBe(false);

    const original = await contractPdf();
    const sealed = await sealer.seal(original, signingEvidence(original));
    expect(await sealer.verify(sealed)).toMatchObject({ issuedByUs: true, intact: true, problem: null });
  });

  it('refuses a configured P12 with the wrong password or that is missing, naming the setting', async () => {
    const p12Path = path.join(dir, 'zonnebloem.p12');
    writeFileSync(p12Path, await generateSelfSignedSealP12({ password: 'juist' }));
    await expect(loadSealingCertificate({ p12Path, p12Password: 'fout', dataDir: dir })).rejects.toThrow(ConfigError);
    await expect(loadSealingCertificate({ p12Path, p12Password: 'fout', dataDir: dir })).rejects.toThrow(/SIGNING_P12_PASSWORD/);
    await expect(loadSealingCertificate({ p12Path: path.join(dir, 'weg.p12'), dataDir: dir })).rejects.toThrow(/SIGNING_P12_PATH/);
  });

  it('defaults to the generated certificate when SIGNING_P12_PATH is not set', async () => {
    const config = loadConfig({ DATA_DIR: dir }, dir);
    expect(config.signingP12Path).toBeUndefined();
    expect(config.signingP12Password).toBe('');
    const sealer = await createPdfSealer(config);
    expect(await sealer.certificateSha256()).toBe(await certificateOf(readFileSync(path.join(dir, 'signing', 'seal.p12'))));
  });

  const openssl = spawnSync('openssl', ['version']).status === 0;
  if (!openssl) console.warn('openssl is not installed: sealing with a P12 made by OpenSSL is not tried');
  (openssl ? it : it.skip)('seals with a P12 made by OpenSSL (as an agency would bring its own)', async () => {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    const p12Path = path.join(dir, 'agency.p12');
    const ok = (args: string[]) => expect(spawnSync('openssl', args, { encoding: 'utf8' }).status).toBe(0);
    ok(['req', '-x509', '-newkey', 'rsa:3072', '-nodes', '-keyout', key, '-out', cert, '-days', '365', '-subj', '/CN=Uitzendbureau Zonnebloem B.V./O=Zonnebloem']);
    ok(['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12Path, '-passout', 'pass:zegel']);
    const sealer = await createPdfSealer({ dataDir: dir, signingP12Path: p12Path, signingP12Password: 'zegel' });
    const original = await contractPdf();
    const sealed = await sealer.seal(original, signingEvidence(original));
    expect(await sealer.verify(sealed)).toMatchObject({ issuedByUs: true, intact: true, problem: null });
    const fingerprint = spawnSync('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).stdout;
    expect(fingerprint.split('=')[1].replace(/[:\s]/g, '').toLowerCase()).toBe(await sealer.certificateSha256());
  });
});
