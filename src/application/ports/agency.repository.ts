import { Agency } from '../../domain/agency/agency.entity';

/** The tenants. An agency is only ever read by its own id (the actor's agency). */
export abstract class AgencyRepository {
  abstract findById(agencyId: string): Promise<Agency | null>;
  abstract insert(agency: Agency): Promise<void>;
  /** Optimistic: stores the agency if its version is still current, and returns it with the next version;
   *  otherwise ConflictError STALE_VERSION. */
  abstract update(agency: Agency): Promise<Agency>;
}
