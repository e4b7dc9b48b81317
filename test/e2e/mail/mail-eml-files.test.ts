import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { Logger } from '../../../src/application/ports/logger';
import { createAgencyWithStaff, startTestApp, TestApp, unique } from '../../support/test-app';
import { enqueue, invitationTo, outboxRow } from './mail-helpers';

/** Keeps every log line, to read back what a newcomer would see in the console. */
class MemoryLogger implements Logger {
  constructor(readonly lines: { level: string; fields: object; message: string }[] = []) {}
  info(fields: object, message: string): void {
    this.lines.push({ level: 'info', fields, message });
  }
  warn(fields: object, message: string): void {
    this.lines.push({ level: 'warn', fields, message });
  }
  error(fields: object, message: string): void {
    this.lines.push({ level: 'error', fields, message });
  }
  child(): Logger {
    return this;
  }
}

/** Without SMTP_URL (the embedded default): readable `.eml` files under DATA_DIR/mail, and each mail's links in the log. */
describe('mail without SMTP_URL', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flexportal-mail-'));
  const logger = new MemoryLogger();
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { DATA_DIR: dataDir }, logger });
  });

  afterAll(async () => {
    await t?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the mail as an .eml file and logs its link', async () => {
    const agency = await createAgencyWithStaff(t, 'Eml agency');
    const email = `${unique('eml')}@example.com`;
    const link = `https://portal.example/invitation#token=${unique('tok')}`;
    const [id] = await enqueue(t, invitationTo(agency.agencyId, email, { language: 'nl', link }));
    expect(await t.app.services.mail.deliverDue({ agencyIds: [agency.agencyId] })).toEqual({ sent: 1, retried: 0, failed: 0 });
    const files = readdirSync(path.join(dataDir, 'mail')).filter((f) => f.includes(id));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const parsed = await simpleParser(readFileSync(path.join(dataDir, 'mail', files[0])));
    expect(parsed.messageId).toBe(`<${id}@flexportal.mail>`);
    expect(parsed.subject).toBe('Uitzendbureau Zon: maak uw Flexportal-account aan');
    expect(parsed.text).toContain(link);
    expect(parsed.headers.get('content-language')).toBe('nl');
    const line = logger.lines.find((l) => l.level === 'info' && (l.fields as { mailId?: string }).mailId === id);
    expect(line?.fields).toMatchObject({ to: email, links: [link] });
    expect((await outboxRow(t, id)).status).toBe('SENT');
  });
});
