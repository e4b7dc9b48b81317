import { PasswordReset } from '../../domain/identity/password-reset.entity';
import { ValidationError } from '../../domain/shared/domain-error';
import { cleanText } from '../../domain/shared/text';
import { AgencyRepository } from '../ports/agency.repository';
import { AttemptCounters } from '../ports/attempt-counters';
import { Clock } from '../ports/clock';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { IdGenerator } from '../ports/id-generator';
import { MailOutbox } from '../ports/mail-outbox';
import { PasswordResetRepository } from '../ports/password-reset.repository';
import { PortalLinks } from '../ports/portal-links';
import { SecretGenerator } from '../ports/secret-generator';
import { UnitOfWork } from '../ports/unit-of-work';
import { UserRepository } from '../ports/user.repository';
import { mailAddressingFor } from './mail-addressing';

export const RESET_TOKEN_PREFIX = 'fpr_';

export interface RequestPasswordResetInput {
  readonly email: string;
  /** Only this agency's login, when the address has logins at several. */
  readonly agencyId?: string;
}

export interface PasswordResetSettings {
  readonly ttlMinutes: number;
  /** Reset mails per e-mail address in a window; past it, requests are answered alike but send nothing. */
  readonly perEmail: { readonly points: number; readonly windowSeconds: number };
}

export interface RequestPasswordResetDeps {
  readonly users: UserRepository;
  readonly flexworkers: FlexworkerRepository;
  readonly agencies: AgencyRepository;
  readonly resets: PasswordResetRepository;
  readonly outbox: MailOutbox;
  readonly links: PortalLinks;
  readonly counters: AttemptCounters;
  readonly secrets: SecretGenerator;
  readonly unitOfWork: UnitOfWork;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly settings: PasswordResetSettings;
}

const MAX_EMAIL = 320;

/**
 * "Wachtwoord vergeten": mails each login with this address (one mail per login, so at each agency
 * where it has one) a link with a single-use token. The answer is the same whether or not the
 * address has a login, and so is the work: a token is made and hashed, the address's counter is
 * written, and one row is written either way (a decoy without a login), while the mail itself goes
 * through the outbox and costs the request nothing more. Over the per-address limit nothing is
 * written or mailed, and the answer is still the same.
 */
export class RequestPasswordResetUseCase {
  constructor(private readonly deps: RequestPasswordResetDeps) {}

  async execute(input: RequestPasswordResetInput): Promise<void> {
    const { deps } = this;
    const email = input.email.trim().toLowerCase();
    const token = deps.secrets.secret(RESET_TOKEN_PREFIX);
    const tokenHash = deps.secrets.hash(token);
    if (!isPossibleAddress(email)) return;
    const { points, windowSeconds } = deps.settings.perEmail;
    const count = await deps.counters.add(`reset-email:${email}`, windowSeconds);
    if (count.count > points) return;
    const users = (await deps.users.findActiveByEmail(email)).filter((u) => input.agencyId === undefined || u.agencyId === input.agencyId);
    const mails = await Promise.all(users.map((user) => mailAddressingFor(deps, user)));
    const now = deps.clock.now();
    await deps.unitOfWork.run(async () => {
      if (users.length === 0) {
        await deps.resets.insertDecoy(tokenHash, now);
        return;
      }
      for (const [i, user] of users.entries()) {
        // Every login its own token: the first one made above, the others fresh.
        const own = i === 0 ? token : deps.secrets.secret(RESET_TOKEN_PREFIX);
        const reset = PasswordReset.issue({
          id: deps.ids.next(),
          userId: user.id,
          agencyId: user.agencyId,
          tokenHash: i === 0 ? tokenHash : deps.secrets.hash(own),
          now,
          ttlMinutes: deps.settings.ttlMinutes,
        });
        await deps.resets.insert(reset);
        await deps.outbox.enqueue({ kind: 'PASSWORD_RESET', ...mails[i], link: deps.links.passwordReset(own), expiresAt: reset.expiresAt });
      }
    });
  }

}

/**
 * An address with a control character or half a character is bad input at `email`, as at login
 * (none can have a login, so this tells nothing about anyone). One that is empty or too long is
 * answered alike, with nothing to do.
 */
function isPossibleAddress(email: string): boolean {
  try {
    cleanText(email);
  } catch (error) {
    throw error instanceof ValidationError ? error.prefixed('email') : error;
  }
  return email.length > 0 && email.length <= MAX_EMAIL;
}
