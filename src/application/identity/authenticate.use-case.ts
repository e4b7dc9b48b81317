import { UnauthenticatedError } from '../../domain/shared/domain-error';
import { Actor } from '../shared/actor';
import { ApiClientRepository } from '../ports/api-client.repository';
import { Clock } from '../ports/clock';
import { SecretGenerator } from '../ports/secret-generator';
import { SessionRepository } from '../ports/session.repository';
import { UserRepository } from '../ports/user.repository';
import { API_KEY_PREFIX } from './create-api-client.use-case';

/** Who a token belongs to, and until when that answer holds without a change (null: until one). */
export interface Authentication {
  readonly actor: Actor;
  /** A session's expiry; null for an API key. */
  readonly validUntil: Date | null;
}

/** Turns a bearer token (session token or API key) into the Actor of the request. */
export class AuthenticateUseCase {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly apiClients: ApiClientRepository,
    private readonly secrets: SecretGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(bearer: string): Promise<Actor> {
    return (await this.resolve(bearer)).actor;
  }

  async resolve(bearer: string): Promise<Authentication> {
    if (bearer.length > 512) throw invalidToken();
    const hash = this.secrets.hash(bearer);
    return bearer.startsWith(API_KEY_PREFIX) ? this.apiClient(hash) : this.session(hash);
  }

  private async apiClient(hash: string): Promise<Authentication> {
    const client = await this.apiClients.findByKeyHash(hash);
    if (!client) throw invalidToken();
    if (client.isRevoked) throw new UnauthenticatedError('API_KEY_REVOKED', 'This API key was revoked');
    return { actor: { kind: 'API_CLIENT', id: client.id, role: client.role, agencyId: client.agencyId }, validUntil: null };
  }

  private async session(hash: string): Promise<Authentication> {
    const session = await this.sessions.findByTokenHash(hash);
    if (!session) throw invalidToken();
    const state = session.stateAt(this.clock.now());
    if (state === 'EXPIRED') throw new UnauthenticatedError('SESSION_EXPIRED', 'Your session has expired: log in again');
    if (state === 'REVOKED') throw new UnauthenticatedError('SESSION_ENDED', 'You have been logged out: log in again');
    const user = await this.users.findById(session.agencyId, session.userId);
    if (!user || !user.active) throw invalidToken();
    const actor: Actor = {
      kind: 'USER',
      id: user.id,
      role: user.role,
      agencyId: user.agencyId,
      flexworkerId: user.flexworkerId ?? undefined,
      relationId: user.relationId ?? undefined,
      sessionId: session.id,
      language: user.language,
    };
    return { actor, validUntil: session.expiresAt };
  }
}

function invalidToken(): UnauthenticatedError {
  return new UnauthenticatedError('INVALID_TOKEN', 'This login token is not valid: log in again');
}
