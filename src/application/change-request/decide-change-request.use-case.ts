import { AuditEntry } from '../../domain/audit/audit-entry';
import { ChangeRequest } from '../../domain/change-request/change-request.entity';
import { staleRequest } from '../../domain/change-request/change-request.errors';
import { Flexworker } from '../../domain/flexworker/flexworker.entity';
import { NotFoundError } from '../../domain/shared/domain-error';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { ChangeRequestDeps } from './change-request-deps';
import { requirePersonalInformationTab } from './personal-information-tab';

export interface ApprovedChangeRequest {
  readonly request: ChangeRequest;
  readonly flexworker: Flexworker;
}

/**
 * Staff approve a worker's change request: in one transaction the request is decided, the values
 * go through the ordinary staff update of the worker (its checks and optimistic lock), and an
 * audit entry records who, when, before and after (BSN and IBAN masked). A worker record changed
 * since the request was made refuses it as CHANGE_REQUEST_STALE, and nothing is applied.
 */
export class ApproveChangeRequest {
  constructor(private readonly deps: ChangeRequestDeps) {}

  async execute(actor: Actor, input: { id: string }): Promise<ApprovedChangeRequest> {
    requireStaff(actor);
    await requirePersonalInformationTab(this.deps.agencies, actor);
    return this.deps.unitOfWork.run(async () => {
      const request = await findRequest(this.deps, actor, input.id);
      const before = await this.deps.flexworkers.findById(actor.agencyId, request.flexworkerId);
      if (!before) throw new NotFoundError('Flexworker', request.flexworkerId);
      const at = this.deps.clock.now();
      request.approve(actor.id, at);
      if (before.version !== request.flexworkerVersion) throw staleRequest(request.flexworkerVersion, before.version);
      const snapshot = recordOf(before, request);
      const after = await this.deps.updateFlexworker.execute(actor, {
        id: request.flexworkerId,
        ...request.changes,
        expectedVersion: request.flexworkerVersion,
      });
      const saved = await this.deps.requests.update(request);
      await this.deps.auditTrail.append(auditOf(this.deps.ids.next(), actor, at, request, snapshot, recordOf(after, request)));
      return { request: saved, flexworker: after };
    });
  }
}

/** Staff reject a request with a reason the worker reads. */
export class RejectChangeRequest {
  constructor(private readonly deps: ChangeRequestDeps) {}

  async execute(actor: Actor, input: { id: string; reason: string }): Promise<ChangeRequest> {
    requireStaff(actor);
    await requirePersonalInformationTab(this.deps.agencies, actor);
    const request = await findRequest(this.deps, actor, input.id);
    request.reject(actor.id, this.deps.clock.now(), input.reason);
    return this.deps.requests.update(request);
  }
}

async function findRequest(deps: ChangeRequestDeps, actor: Actor, id: string): Promise<ChangeRequest> {
  const request = await deps.requests.findById(actor.agencyId, id);
  if (!request) throw new NotFoundError('ChangeRequest', id);
  return request;
}

/** The requested fields of a worker's record as the audit trail keeps them: the IBAN masked. */
function recordOf(worker: Flexworker, request: ChangeRequest): Record<string, unknown> {
  const all: Record<string, unknown> = {
    firstName: worker.name.firstName,
    lastName: worker.name.lastName,
    email: worker.email.value,
    phone: worker.phone?.value ?? null,
    dateOfBirth: worker.dateOfBirth?.toString() ?? null,
    address: worker.address ? { ...worker.address } : null,
    iban: worker.iban?.masked() ?? null,
    language: worker.language.code,
  };
  return Object.fromEntries(request.fields.map((field) => [field, all[field]]));
}

function auditOf(id: string, actor: Actor, at: Date, request: ChangeRequest, before: object, after: object): AuditEntry {
  return {
    id,
    agencyId: actor.agencyId,
    action: 'FLEXWORKER_CHANGE_REQUEST_APPLIED',
    subjectType: 'FLEXWORKER',
    subjectId: request.flexworkerId,
    actorId: actor.id,
    actorRole: actor.role,
    at,
    reason: `change request ${request.id}: ${request.note}`.slice(0, 4000),
    before,
    after,
  };
}
