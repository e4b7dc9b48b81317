import { Actor } from '../shared/actor';

/** Workers' full BSNs for the payroll system, where the agency allows it. */
export abstract class PayrollBsnReader {
  /** By flexworker id; empty unless the actor is a PAYROLL client of an agency that lets payroll read BSNs. */
  abstract bsnsFor(actor: Actor, flexworkerIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}
