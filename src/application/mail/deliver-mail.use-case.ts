import { Clock } from '../ports/clock';
import { Logger } from '../ports/logger';
import { MailQueue, MailRenderer, MailScope, MailSender, MailSendError, RenderedMail } from '../ports/mail-delivery';

export interface DeliverySettings {
  /** Tries per message before it is FAILED. */
  readonly maxAttempts: number;
  /** The wait after the first refusal; it doubles with every further one. */
  readonly retrySeconds: number;
  /** How long a claim holds: past it, a SENDING row counts as interrupted. */
  readonly claimSeconds: number;
  /** Rows claimed per round. */
  readonly batchSize: number;
}

export interface DeliveryOutcome {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
}

/**
 * Delivers every outbox message that is due, each at most once to the mail server: claimed (and
 * committed) before it is sent, SENT after; a temporary refusal waits and tries again, a permanent
 * one or the last attempt ends FAILED with the error. Safe to run in several processes at once.
 */
export class DeliverMail {
  constructor(
    private readonly queue: MailQueue,
    private readonly renderer: MailRenderer,
    private readonly sender: MailSender,
    private readonly clock: Clock,
    private readonly settings: DeliverySettings,
    private readonly logger?: Logger,
  ) {}

  /** `agencyIds`: only these agencies' mail (tests on a shared database); none: every agency's. */
  async execute(options: { agencyIds?: readonly string[] } = {}): Promise<DeliveryOutcome> {
    const scope: MailScope = options.agencyIds ?? null;
    const outcome = { sent: 0, retried: 0, failed: 0 };
    outcome.failed += await this.queue.failInterrupted(this.clock.now(), scope);
    for (;;) {
      const now = this.clock.now();
      const claimed = await this.queue.claimDue(now, new Date(now.getTime() + this.settings.claimSeconds * 1000), this.settings.batchSize, scope);
      for (const message of claimed) {
        const result = await this.deliverOne(message);
        outcome[result] += 1;
      }
      if (claimed.length < this.settings.batchSize) return outcome;
    }
  }

  private async deliverOne(message: Parameters<MailSender['send']>[0]): Promise<'sent' | 'retried' | 'failed'> {
    let rendered: RenderedMail | null = null;
    try {
      rendered = this.renderer.render(message.mail);
      await this.sender.send(message, rendered);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const permanent = !(error instanceof MailSendError) || error.permanent;
      const subject = rendered?.subject ?? null;
      if (permanent || message.attempts >= this.settings.maxAttempts) {
        await this.queue.markFailed(message.id, subject, text, this.clock.now());
        this.logger?.warn({ mailId: message.id, kind: message.kind, attempts: message.attempts, error: text }, 'mail failed');
        return 'failed';
      }
      const waitMs = this.settings.retrySeconds * 1000 * 2 ** (message.attempts - 1);
      await this.queue.markRetry(message.id, subject, text, new Date(this.clock.now().getTime() + waitMs));
      this.logger?.info({ mailId: message.id, kind: message.kind, attempts: message.attempts, error: text }, 'mail refused for now; trying again later');
      return 'retried';
    }
    await this.queue.markSent(message.id, rendered.subject, this.clock.now());
    return 'sent';
  }
}
