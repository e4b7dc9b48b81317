import { ConflictError } from '../shared/domain-error';

/** A closed thread takes no new messages: the writer starts a new thread. */
export function threadClosed(): ConflictError {
  return new ConflictError('THREAD_CLOSED', 'This conversation was closed by the agency; start a new one to write again');
}
