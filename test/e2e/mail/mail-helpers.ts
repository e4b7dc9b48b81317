import { OutgoingMail } from '../../../src/application/ports/mail-outbox';
import { TestApp } from '../../support/test-app';

/** An invitation to `email` in `language`, from the agency `agencyId` (as the invitation use case would write it). */
export function invitationTo(agencyId: string, email: string, options: Partial<{ name: string; language: string; agencyName: string; link: string }> = {}): OutgoingMail {
  return {
    kind: 'INVITATION',
    agencyId,
    agencyName: options.agencyName ?? 'Uitzendbureau Zon',
    timeZone: 'Europe/Amsterdam',
    to: { email, name: options.name ?? 'Ana Popescu', language: options.language ?? 'ro' },
    link: options.link ?? 'https://portal.example/invitation#token=abc',
    expiresAt: new Date('2026-12-12T15:30:00Z'),
  };
}

/** Enqueues mails in one committed unit of work; returns their outbox ids. */
export function enqueue(t: TestApp, ...mails: OutgoingMail[]): Promise<string[]> {
  const { unitOfWork, mail } = t.app.services;
  return unitOfWork.run(async () => {
    const ids: string[] = [];
    for (const m of mails) ids.push(await mail.outbox.enqueue(m));
    return ids;
  });
}

export interface OutboxRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  payload: unknown;
  subject: string | null;
  next_attempt_at: Date;
  sent_at: Date | null;
  failed_at: Date | null;
}

export async function outboxRow(t: TestApp, id: string): Promise<OutboxRow> {
  const [row] = (await t.app.database.dataSource.query('SELECT * FROM mail_outbox WHERE id = $1', [id])) as OutboxRow[];
  return row;
}

/**
 * The row once it has left `status` (or as it is after `withinMs`): the SMTP server has the mail
 * the moment it answers the DATA, and the sender marks the row SENT only after that answer.
 */
export async function outboxRowAfter(t: TestApp, id: string, status: string, withinMs = 5_000): Promise<OutboxRow> {
  const until = Date.now() + withinMs;
  for (;;) {
    const row = await outboxRow(t, id);
    if (row.status !== status || Date.now() >= until) return row;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
