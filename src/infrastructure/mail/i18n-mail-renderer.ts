import { DateTime } from 'luxon';
import { MailRenderer, RenderedMail } from '../../application/ports/mail-delivery';
import { OutgoingMail } from '../../application/ports/mail-outbox';
import { MessageTranslator } from '../../application/ports/message-translator';
import { DEFAULT_LANGUAGE, isLanguage } from '../i18n/languages';

/** A mail's parts before they are written out: paragraphs of text, the one link, week lines. */
interface MailParts {
  readonly subject: string;
  readonly paragraphs: readonly string[];
  readonly list: readonly string[];
  readonly action: { readonly label: string; readonly href: string };
  readonly after: readonly string[];
}

/** The i18n key prefix of each kind in the `mail` namespace. */
const PREFIX: Record<OutgoingMail['kind'], string> = {
  INVITATION: 'invitation',
  PASSWORD_RESET: 'passwordReset',
  HOURS_REMINDER: 'hoursReminder',
  MESSAGE_TO_AGENCY: 'messageToAgency',
  MESSAGE_REPLY: 'messageReply',
};

/**
 * Writes a mail from its kind's template (the `mail` namespace, in the recipient's language) as
 * plain text and HTML. Every value that goes into HTML is escaped, the translated sentences too;
 * dates are in the agency's time zone, in the language's format.
 */
export class I18nMailRenderer extends MailRenderer {
  constructor(private readonly translator: MessageTranslator) {
    super();
  }

  render(mail: OutgoingMail): RenderedMail {
    const language = isLanguage(mail.to.language) ? mail.to.language : DEFAULT_LANGUAGE;
    const t = (key: string, params: Record<string, unknown> = {}) =>
      this.translator.translate(`mail:${key}`, { agency: mail.agencyName, name: mail.to.name, ...params }, language) ?? key;
    const parts = this.parts(mail, language, t);
    const greeting = t('greeting');
    const closing = [t('closing'), mail.agencyName];
    const footer = t('footer');
    const text = [
      greeting,
      '',
      ...parts.paragraphs.flatMap((p) => [p, '']),
      ...(parts.list.length > 0 ? [...parts.list.map((line) => `- ${line}`), ''] : []),
      `${parts.action.label}:`,
      parts.action.href,
      '',
      ...parts.after.flatMap((p) => [p, '']),
      ...closing,
      '',
      '-- ',
      footer,
      '',
    ].join('\n');
    const html = [
      '<!DOCTYPE html>',
      `<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>`,
      '<body style="font-family: sans-serif; line-height: 1.5; color: #222">',
      `<p>${escapeHtml(greeting)}</p>`,
      ...parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
      parts.list.length > 0 ? `<ul>${parts.list.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` : '',
      `<p><a href="${escapeHtml(parts.action.href)}" style="display: inline-block; padding: 8px 16px; background: #1f5fa8; color: #fff; text-decoration: none; border-radius: 4px">${escapeHtml(parts.action.label)}</a></p>`,
      `<p style="font-size: 90%">${escapeHtml(t('linkHint'))}<br><a href="${escapeHtml(parts.action.href)}">${escapeHtml(parts.action.href)}</a></p>`,
      ...parts.after.map((p) => `<p>${escapeHtml(p)}</p>`),
      `<p>${closing.map(escapeHtml).join('<br>')}</p>`,
      `<hr><p style="font-size: 80%; color: #666">${escapeHtml(footer)}</p>`,
      '</body></html>',
      '',
    ].filter((line) => line !== '').join('\n');
    return { subject: parts.subject, text, html, language, links: [parts.action.href] };
  }

  private parts(mail: OutgoingMail, language: string, t: (key: string, params?: Record<string, unknown>) => string): MailParts {
    const prefix = PREFIX[mail.kind];
    const subject = t(`${prefix}.subject`);
    const action = { label: t(`${prefix}.action`), href: mail.link };
    switch (mail.kind) {
      case 'INVITATION':
      case 'PASSWORD_RESET':
        return {
          subject,
          paragraphs: [t(`${prefix}.intro`)],
          list: [],
          action,
          after: [t(`${prefix}.expires`, { date: formatDateTime(mail.expiresAt, mail.timeZone, language) }), t(`${prefix}.ignore`)],
        };
      case 'HOURS_REMINDER':
        return {
          subject,
          paragraphs: [t(`${prefix}.intro`)],
          list: mail.weeks.map((w) => t(`${prefix}.week`, { ...weekOf(w.week, language), label: w.label })),
          action,
          after: [t(`${prefix}.deadline`)],
        };
      // The subject of the thread, never the message's text: that stays in the portal.
      case 'MESSAGE_TO_AGENCY':
        return {
          subject: t(`${prefix}.subject`, { subject: mail.subject, writer: mail.writerName }),
          paragraphs: [t(mail.newThread ? `${prefix}.introNew` : `${prefix}.introReply`, { subject: mail.subject, writer: mail.writerName })],
          list: [],
          action,
          after: [t(`${prefix}.privacy`)],
        };
      case 'MESSAGE_REPLY':
        return {
          subject: t(`${prefix}.subject`, { subject: mail.subject }),
          paragraphs: [t(`${prefix}.intro`, { subject: mail.subject })],
          list: [],
          action,
          after: [t(`${prefix}.privacy`)],
        };
    }
  }
}

/** A moment as the agency's clock shows it, in the language's long format with the zone's name. */
export function formatDateTime(instant: Date | string, timeZone: string, language: string): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  return DateTime.fromJSDate(date, { zone: timeZone }).setLocale(language).toLocaleString(DateTime.DATETIME_FULL);
}

/** `2026-W49` as its number and its Monday and Sunday in the language's format. */
function weekOf(isoWeek: string, language: string): { week: string; from: string; to: string } {
  const monday = DateTime.fromISO(isoWeek, { zone: 'UTC' }).setLocale(language);
  if (!monday.isValid) return { week: isoWeek, from: '', to: '' };
  return {
    week: String(monday.weekNumber),
    from: monday.toLocaleString(DateTime.DATE_MED),
    to: monday.plus({ days: 6 }).toLocaleString(DateTime.DATE_MED),
  };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
