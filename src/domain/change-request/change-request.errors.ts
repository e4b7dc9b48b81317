import { ConflictError, ValidationError } from '../shared/domain-error';

/** Only staff change a BSN (it is checked against the worker's identity papers). */
export function bsnNotChangeable(): ValidationError {
  return ValidationError.of('changes.bsn', 'BSN_CHANGE_NOT_ALLOWED', 'Only agency staff may change the BSN; contact your agency');
}

export function noChanges(): ValidationError {
  return ValidationError.of('changes', 'NO_CHANGES', 'Propose at least one new value');
}

export function alreadyDecided(status: string): ConflictError {
  return new ConflictError('CHANGE_REQUEST_DECIDED', 'This change request was already approved or rejected', { status });
}

/** The worker's data changed after the request was made: approving it could undo that change. */
export function staleRequest(requestedAt: number, current: number): ConflictError {
  return new ConflictError('CHANGE_REQUEST_STALE', "The worker's data changed after this request was made; nothing was applied", {
    requestedVersion: requestedAt,
    currentVersion: current,
  });
}
