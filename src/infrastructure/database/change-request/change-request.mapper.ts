import { CHANGE_REQUEST_STATUSES, ChangeRequest, ProposedChanges } from '../../../domain/change-request/change-request.entity';
import { FieldCipher } from '../../crypto/field-cipher';
import { ChangeRequestOrmEntity } from './change-request.orm-entity';

/** The proposed IBAN is encrypted for its row, as the worker's own (it can't be moved to another). */
const ibanContext = (id: string) => `change_requests.iban:${id}`;

export function changeRequestToRow(request: ChangeRequest, cipher: FieldCipher): ChangeRequestOrmEntity {
  const s = request.toState();
  const row = new ChangeRequestOrmEntity();
  const changes: Record<string, unknown> = { ...s.changes };
  if (typeof s.changes.iban === 'string') changes.iban = cipher.encrypt(s.changes.iban, ibanContext(s.id));
  Object.assign(row, {
    id: s.id,
    agencyId: s.agencyId,
    flexworkerId: s.flexworkerId,
    requestedBy: s.requestedBy,
    changes,
    note: s.note,
    flexworkerVersion: s.flexworkerVersion,
    status: s.status,
    decidedAt: s.decidedAt,
    decidedBy: s.decidedBy,
    rejectionReason: s.rejectionReason,
    version: s.version,
    createdAt: s.createdAt,
  });
  return row;
}

export function changeRequestToDomain(row: ChangeRequestOrmEntity, cipher: FieldCipher): ChangeRequest {
  const status = CHANGE_REQUEST_STATUSES.find((st) => st === row.status);
  if (!status) throw new Error(`change_requests.status holds an unknown value for ${row.id}`);
  const changes: Record<string, unknown> = { ...row.changes };
  if (typeof changes.iban === 'string') changes.iban = cipher.decrypt(changes.iban, ibanContext(row.id));
  return ChangeRequest.rehydrate({
    id: row.id,
    agencyId: row.agencyId,
    flexworkerId: row.flexworkerId,
    requestedBy: row.requestedBy,
    changes: changes as ProposedChanges,
    note: row.note,
    flexworkerVersion: row.flexworkerVersion,
    status,
    createdAt: new Date(row.createdAt),
    decidedAt: row.decidedAt ? new Date(row.decidedAt) : null,
    decidedBy: row.decidedBy,
    rejectionReason: row.rejectionReason,
    version: row.version,
  });
}
