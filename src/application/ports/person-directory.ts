import { Role } from '../../domain/identity/role';

/** Who a user or API client id names, as others may see it: no e-mail, no login details. */
export interface PersonView {
  readonly id: string;
  /** A user's display name, or an API client's name. */
  readonly displayName: string;
  readonly role: Role;
}

/** Looks up the users and API clients of one agency by id, in one read for the whole batch. */
export abstract class PersonDirectory {
  /** Those of the agency with these ids, in any order; an unknown id (or one of another agency) is left out. */
  abstract findByIds(agencyId: string, ids: readonly string[]): Promise<PersonView[]>;
}
