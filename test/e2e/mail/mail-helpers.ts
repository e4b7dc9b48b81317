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
