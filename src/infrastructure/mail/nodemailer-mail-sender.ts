import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { Logger } from '../../application/ports/logger';
import { MailSender, MailSendError, OutboxMessage, RenderedMail } from '../../application/ports/mail-delivery';

/** Each message as nodemailer builds it: the stable Message-ID and the language on every try. */
function envelopeOf(from: string, message: OutboxMessage, rendered: RenderedMail): Mail.Options {
  return {
    from,
    to: { name: message.to.name, address: message.to.email },
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    messageId: `<${message.messageId}>`,
    headers: { 'Content-Language': rendered.language },
  };
}

/**
 * Sends over SMTP (SMTP_URL). A reply in the 5xx range is permanent; a 4xx reply, a connection
 * that fails or times out is temporary (tried again later). Timeouts stay well inside the claim.
 */
export class SmtpMailSender extends MailSender {
  private readonly transporter: Transporter;

  constructor(url: string, private readonly from: string) {
    super();
    this.transporter = nodemailer.createTransport(url, { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 } as never);
  }

  async send(message: OutboxMessage, rendered: RenderedMail): Promise<void> {
    try {
      await this.transporter.sendMail(envelopeOf(this.from, message, rendered));
    } catch (error) {
      const code = (error as { responseCode?: unknown }).responseCode;
      const text = (error as Error).message ?? String(error);
      throw new MailSendError(text, typeof code === 'number' && code >= 500 && code < 600);
    }
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * Without SMTP_URL: every mail becomes a readable `.eml` file under `dir` (DATA_DIR/mail), and its
 * links are logged, so a newcomer can follow an invitation from `npm start`.
 */
export class EmlFileMailSender extends MailSender {
  private readonly transporter: Transporter;

  constructor(private readonly dir: string, private readonly from: string, private readonly logger: Logger) {
    super();
    this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(message: OutboxMessage, rendered: RenderedMail): Promise<void> {
    const info = (await this.transporter.sendMail(envelopeOf(this.from, message, rendered))) as { message: Buffer };
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${message.kind.toLowerCase()}-${message.id}.eml`);
    await writeFile(file, info.message);
    this.logger.info({ mailId: message.id, kind: message.kind, to: message.to.email, subject: rendered.subject, links: rendered.links, file }, 'mail written to a file (no SMTP_URL)');
  }

  close(): void {
    this.transporter.close();
  }
}
