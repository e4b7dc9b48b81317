/**
 * Serialises the units of work that write one worker's hours. A week's checks read the worker's
 * other placements and neighbouring weeks and then write: without this lock two placements saving
 * at the same moment could both pass the check and both store the same hours (a row lock on the
 * saving week alone does not see the other placement's week).
 *
 * Take it inside the unit of work before reading the worker's other weeks (the week being written
 * is guarded by its version) and before writing any row: every hour-writing transaction takes it
 * before it locks a week or a declaration, and the relation's approvals, which lock weeks and
 * declarations, never take it, so it adds no cycle to the existing lock order. It is held until
 * the unit of work ends, across every server process on the database.
 */
export abstract class WorkerHoursLock {
  abstract lock(agencyId: string, flexworkerId: string): Promise<void>;
}
