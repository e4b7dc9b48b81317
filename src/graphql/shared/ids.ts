import { NotFoundError } from '../../domain/shared/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that is not a UUID cannot name anything: it is simply not found. */
export function existingId(id: string, entity: string): string {
  if (!UUID.test(id)) throw new NotFoundError(entity, id.slice(0, 64));
  return id.toLowerCase();
}
