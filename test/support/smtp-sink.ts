import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

/*
 * A real SMTP server inside a test (the `smtp-server` package) on 127.0.0.1 and a free port: it
 * accepts what nodemailer sends and keeps every message as it arrived, parsed by `mailparser`.
 * A test may make it refuse messages (a 4xx/5xx reply to DATA) to exercise retries and failures.
 */

export interface ReceivedMail {
  /** RCPT TO addresses as the SMTP session carried them. */
  readonly envelopeTo: readonly string[];
  readonly envelopeFrom: string;
  readonly raw: string;
  readonly parsed: ParsedMail;
  /** The Message-ID header without angle brackets. */
  readonly messageId: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly language: string | undefined;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`: what SMTP_URL is set to. */
  readonly url: string;
  readonly received: ReceivedMail[];
  /** Every DATA the server answered, accepted or refused (a refused one is not in `received`). */
  readonly attempts: { readonly to: readonly string[]; readonly accepted: boolean }[];
  /** From now on refuse every message with this reply (e.g. 451 for a temporary, 550 for a permanent failure); null accepts again. */
  refuse(reply: { code: number; message: string } | null): void;
  /** Waits until `predicate` holds for the received mail, or fails after `timeoutMs`. */
  waitFor(predicate: (mails: readonly ReceivedMail[]) => boolean, timeoutMs?: number): Promise<readonly ReceivedMail[]>;
  /** Waits for the first mail to this address. */
  waitForMailTo(address: string, timeoutMs?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const attempts: { to: readonly string[]; accepted: boolean }[] = [];
  let refusal: { code: number; message: string } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        if (refusal) {
          attempts.push({ to, accepted: false });
          const error = new Error(refusal.message) as Error & { responseCode: number };
          error.responseCode = refusal.code;
          callback(error);
          return;
        }
        attempts.push({ to, accepted: true });
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            const from = session.envelope.mailFrom;
            received.push({
              envelopeTo: to,
              envelopeFrom: from ? from.address : '',
              raw,
              parsed,
              messageId: (parsed.messageId ?? '').replace(/^<|>$/g, ''),
              to: Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : parsed.to?.text ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              language: headerText(parsed.headers.get('content-language')),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  async function waitFor(predicate: (mails: readonly ReceivedMail[]) => boolean, timeoutMs = 15_000): Promise<readonly ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(received)) {
      if (Date.now() > deadline) {
        throw new Error(`no such mail within ${timeoutMs} ms; received: ${JSON.stringify(received.map((m) => ({ to: m.envelopeTo, subject: m.subject })))}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return received;
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts,
    refuse(reply) {
      refusal = reply;
    },
    waitFor,
    async waitForMailTo(address, timeoutMs) {
      const wanted = address.toLowerCase();
      const mails = await waitFor((all) => all.some((m) => m.envelopeTo.some((a) => a.toLowerCase() === wanted)), timeoutMs);
      return mails.find((m) => m.envelopeTo.some((a) => a.toLowerCase() === wanted))!;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in (value as object)) return String((value as { value: unknown }).value);
  return String(value);
}
