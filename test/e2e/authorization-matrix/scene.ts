import { CallerName, Owner } from './matrix';
import { Side, World } from './world';

/*
 * What a request of the matrix is made from: who calls, in which agency, and the other agency
 * whose objects must stay out of every answer. The documents ask for the fields that cross to
 * other objects (worker, relation, placement, declarations, audit trail), so that a leak through a
 * nested field shows as well as one at the top.
 */

export interface Scene {
  readonly caller: CallerName;
  /** The caller's agency (for anonymous requests: the agency whose objects are named). */
  readonly world: World;
  readonly other: World;
}

export interface CellRequest {
  readonly variables?: Record<string, unknown>;
  /** What an allowed answer must hold (an id); left out: only that the answer is not null. */
  readonly expect?: string;
}

export interface OperationSpec {
  /** A document whose only root field is the operation. */
  readonly document: string;
  /**
   * The token sent: the caller's own (default), a second session of the same login (logout ends
   * it), or another login of the same role (changeMyPassword ends all of its sessions).
   */
  readonly session?: 'spareSession' | 'spareUser';
  /** The request for each owner kind of the operation's matrix entry. */
  readonly owners: Readonly<Partial<Record<Owner, (scene: Scene) => CellRequest>>>;
}

export const WORKER = 'id firstName lastName email phone bsnMasked ibanMasked payrollNumber bsnForPayroll access';
export const RELATION = 'id name contactEmail';
export const PLACEMENT = `id flexworkerId relationId functionName flexworker { ${WORKER} } relation { ${RELATION} } caoSchedule { id name }`;
export const DECLARATION = `id timesheetId status placementId flexworkerId relationId approvedByWorkerId approvedByRelationId correctedById
  flexworker { ${WORKER} } relation { ${RELATION} }`;
export const WEEK = `id week status placementId flexworkerId relationId editable days { date } currentDeclaration { id }
  declarations { id status } auditTrail { id actorId } flexworker { ${WORKER} } relation { ${RELATION} } placement { id }`;
/** A document to sign, with what crosses to others: the worker, the signer, the links. */
export const SIGNING = 'id flexworkerId placementId title status fileName sha256 viewUrl signedCopyUrl declineReason evidence { signerUserId signerName documentSha256 }';

/**
 * The placement whose hours the caller enters (own: a contact the relation's, anyone else the
 * worker's), or the one where the other party enters them (otherParty), in `world`.
 */
export function side(scene: Scene, owner: 'own' | 'otherParty', world: World = scene.world): Side {
  const contact = scene.caller === 'RELATION_CONTACT';
  return world.sides[(owner === 'own') === contact ? 'relation' : 'worker'];
}
