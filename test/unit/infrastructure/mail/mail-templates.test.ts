import { readFileSync } from 'fs';
import { join } from 'path';
import { MAIL_KINDS, MailKind, OutgoingMail } from '../../../../src/application/ports/mail-outbox';
import { MessageTranslator } from '../../../../src/application/ports/message-translator';
import { I18nextTranslator } from '../../../../src/infrastructure/i18n/i18next-translator';
import { LANGUAGES } from '../../../../src/infrastructure/i18n/languages';
import { I18nMailRenderer } from '../../../../src/infrastructure/mail/i18n-mail-renderer';

const LOCALES = join(__dirname, '..', '..', '..', '..', 'src', 'infrastructure', 'i18n', 'locales');
const mailMessages = (language: string) => JSON.parse(readFileSync(join(LOCALES, language, 'mail.json'), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*([^{}\s,]+)[^{}]*\}\}/g)].map((m) => m[1]))].sort();

/** Keeps every key the renderer asks for, to check each against the translation files. */
class RecordingTranslator extends MessageTranslator {
  readonly asked = new Set<string>();
  private readonly inner = new I18nextTranslator();
  translate(key: string, params: Readonly<Record<string, unknown>>, language: string): string | undefined {
    this.asked.add(key);
    return this.inner.translate(key, params, language);
  }
  negotiate(header: string | undefined): string {
    return this.inner.negotiate(header);
  }
}

function mailOf(kind: MailKind, language: string, values: Partial<{ name: string; agencyName: string; link: string; label: string; timeZone: string }> = {}): OutgoingMail {
  const base = {
    agencyId: 'a1',
    agencyName: values.agencyName ?? 'Uitzendbureau Zon',
    timeZone: values.timeZone ?? 'Europe/Amsterdam',
    to: { email: 'w@example.com', name: values.name ?? 'Ana Popescu', language },
  };
  const link = values.link ?? 'https://portal.example/x#token=t';
  switch (kind) {
    case 'INVITATION':
      return { ...base, kind, link, expiresAt: new Date('2026-12-12T15:30:00Z') };
    case 'PASSWORD_RESET':
      return { ...base, kind, link, expiresAt: new Date('2026-12-12T15:30:00Z') };
    case 'HOURS_REMINDER':
      return { ...base, kind, link, weeks: [{ week: '2026-W49', label: values.label ?? 'Bakkerij de Korst' }, { week: '2026-W48', label: 'Garage Noord' }] };
    case 'MESSAGE_TO_AGENCY':
      return { ...base, kind, link, subject: values.label ?? 'Vraag over mijn loonstrook', writerName: values.name ?? 'Ana Popescu', newThread: true };
    case 'MESSAGE_REPLY':
      return { ...base, kind, link, subject: values.label ?? 'Vraag over mijn loonstrook' };
  }
}

describe('mail templates', () => {
  describe.each(MAIL_KINDS)('%s', (kind) => {
    const translator = new RecordingTranslator();
    const renderer = new I18nMailRenderer(translator);
    const english = mailMessages('en');

    it.each([...LANGUAGES])('in %s: every key of the kind is translated, with the placeholders of English', (language) => {
      translator.asked.clear();
      const rendered = renderer.render(mailOf(kind, language));
      const own = mailMessages(language);
      const keys = [...translator.asked].map((k) => k.replace(/^mail:/, ''));
      expect(keys.length).toBeGreaterThan(6);
      for (const key of keys) {
        expect({ key, present: typeof own[key] === 'string' && own[key].trim() !== '' }).toEqual({ key, present: true });
        expect({ key, placeholders: placeholders(own[key]) }).toEqual({ key, placeholders: placeholders(english[key]) });
      }
      expect(rendered.language).toBe(language);
      expect(rendered.subject).toContain('Uitzendbureau Zon');
      for (const part of [rendered.subject, rendered.text, rendered.html]) {
        expect(part).not.toMatch(/\{\{|\}\}|mail:[a-zA-Z]|\b(invitation|passwordReset|hoursReminder|messageToAgency|messageReply)\.[a-z]|\b(greeting|closing|linkHint)\b/);
      }
      expect(rendered.text).toContain('Ana Popescu');
      expect(rendered.text).toContain('https://portal.example/x#token=t');
      expect(rendered.html).toContain('<html lang="' + language + '">');
      expect(rendered.links).toEqual(['https://portal.example/x#token=t']);
    });
  });

  it('escapes every value in HTML and keeps it intact in the text', () => {
    const nasty = '<script>alert(1)</script> & "x"';
    const renderer = new I18nMailRenderer(new I18nextTranslator());
    for (const kind of MAIL_KINDS) {
      const rendered = renderer.render(mailOf(kind, 'en', { name: nasty, agencyName: `Zon & <b>Co</b>`, label: nasty, link: 'https://portal.example/x?a=1&b="2"#t=<3>' }));
      expect(rendered.html).not.toContain('<script>');
      expect(rendered.html).not.toContain('<b>Co');
      expect(rendered.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
      expect(rendered.html).toContain('Zon &amp; &lt;b&gt;Co&lt;/b&gt;');
      expect(rendered.html).toContain('href="https://portal.example/x?a=1&amp;b=&quot;2&quot;#t=&lt;3&gt;"');
      expect(rendered.text).toContain(nasty);
      expect(rendered.subject).toContain('Zon & <b>Co</b>');
    }
  });

  it("writes dates in the agency's time zone and the language's format", () => {
    const renderer = new I18nMailRenderer(new I18nextTranslator());
    // 15:30 UTC on 12 December: 16:30 in Amsterdam, 10:30 in New York.
    expect(renderer.render(mailOf('INVITATION', 'nl')).text).toMatch(/12 december 2026.*16:30/);
    expect(renderer.render(mailOf('INVITATION', 'de')).text).toMatch(/12\. Dezember 2026.*16:30/);
    expect(renderer.render(mailOf('PASSWORD_RESET', 'en', { timeZone: 'America/New_York' })).text).toMatch(/December 12, 2026.*10:30/);
    const reminder = renderer.render(mailOf('HOURS_REMINDER', 'nl')).text;
    expect(reminder).toContain('Week 49 (30 nov 2026 – 6 dec 2026): uren voor Bakkerij de Korst');
    expect(reminder).toContain('Week 48');
  });
});
