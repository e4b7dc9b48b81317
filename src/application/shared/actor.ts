/**
 * Who performs a use case: the authenticated viewer, resolved by the edge (bearer token or API
 * key) before any use case runs. Every use case scopes what it reads and writes by `agencyId`.
 */
import { Role } from '../../domain/identity/role';

export type { Role };

export interface Actor {
  readonly kind: 'USER' | 'API_CLIENT';
  /** The user id, or the API client id for PAYROLL. */
  readonly id: string;
  readonly role: Role;
  readonly agencyId: string;
  /** Set for FLEXWORKER users: the worker record they are. */
  readonly flexworkerId?: string;
  /** Set for RELATION_CONTACT users: the relation they belong to. */
  readonly relationId?: string;
  /** Set for USER actors: the session (token) that authenticated this request. */
  readonly sessionId?: string;
  /** The language the person chose for the portal (USER actors). */
  readonly language?: string;
}
