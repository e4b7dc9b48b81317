import { ConflictError, DomainError, ValidationError } from '../../../src/domain/shared/domain-error';
import { newId } from './seeds';
import { Repositories } from './repositories';

/**
 * Cases that several ports share, written once: look-ups scoped by agency and optimistic updates
 * (keyset paging is in paging-cases.ts). A contract describes its port's part in a small object and calls these inside
 * its `describe`, with `subject()` returning the repositories of the running test.
 */

/** The error a promise is refused with (fails the test when it is not refused). */
export async function refusal(promise: Promise<unknown>): Promise<DomainError & { problems?: ValidationError['problems'] }> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal, but the promise was fulfilled');
}

/** Plain data of a value (dates as ISO text, value objects as their fields, sets sorted), to compare by. */
export function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v instanceof Set ? [...v].sort() : v)));
}

export const sortedIds = (rows: readonly { id: string }[]): string[] => rows.map((r) => r.id).sort();

export interface Lookups<T extends { id: string }> {
  /** Two rows of one agency (as inserted), and another agency that has a row of its own. */
  seed(r: Repositories): Promise<{ agencyId: string; otherAgencyId: string; rows: readonly [T, T] }>;
  findById(r: Repositories, agencyId: string, id: string): Promise<T | null>;
  findByIds?(r: Repositories, agencyId: string, ids: readonly string[]): Promise<T[]>;
  /** Changes a row in place without storing it. */
  change(row: T): void;
  plain(row: T): unknown;
}

export function lookupCases<T extends { id: string }>(subject: () => Repositories, port: Lookups<T>): void {
  it('finds a row by id within its agency, as it was stored', async () => {
    const { agencyId, rows } = await port.seed(subject());
    for (const row of rows) expect(port.plain((await port.findById(subject(), agencyId, row.id))!)).toEqual(port.plain(row));
  });

  it("does not find another agency's row, by id or by ids", async () => {
    const { otherAgencyId, rows } = await port.seed(subject());
    expect(await port.findById(subject(), otherAgencyId, rows[0].id)).toBeNull();
    if (port.findByIds) expect(await port.findByIds(subject(), otherAgencyId, [rows[0].id, rows[1].id])).toEqual([]);
  });

  it('finds nothing, and raises nothing, for an unknown id or one that is not a UUID', async () => {
    const { agencyId } = await port.seed(subject());
    for (const id of [newId(), 'not-a-uuid', '']) expect(await port.findById(subject(), agencyId, id)).toBeNull();
    expect(await port.findById(subject(), 'not-a-uuid', newId())).toBeNull();
    if (port.findByIds) expect(await port.findByIds(subject(), agencyId, [newId(), 'not-a-uuid', ''])).toEqual([]);
  });

  if (port.findByIds) {
    const findByIds = port.findByIds;
    it('findByIds: every row found once, in any order; unknown, malformed and empty lists find nothing', async () => {
      const { agencyId, rows } = await port.seed(subject());
      const [a, b] = rows;
      expect(sortedIds(await findByIds(subject(), agencyId, [b.id, newId(), 'nope', a.id, a.id]))).toEqual(sortedIds(rows));
      expect(await findByIds(subject(), agencyId, [])).toEqual([]);
    });
  }

  it('hands out copies: changing a row it returned stores nothing', async () => {
    const { agencyId, rows } = await port.seed(subject());
    const read = (await port.findById(subject(), agencyId, rows[0].id))!;
    port.change(read);
    expect(port.plain(read)).not.toEqual(port.plain(rows[0]));
    expect(port.plain((await port.findById(subject(), agencyId, rows[0].id))!)).toEqual(port.plain(rows[0]));
  });

  it('keeps its own copy: changing the inserted object afterwards stores nothing', async () => {
    const { agencyId, rows } = await port.seed(subject());
    const before = port.plain(rows[0]);
    port.change(rows[0]);
    expect(port.plain(rows[0])).not.toEqual(before);
    expect(port.plain((await port.findById(subject(), agencyId, rows[0].id))!)).toEqual(before);
  });
}

export interface Versioned<T extends { id: string; version: number }> {
  /** A stored row, and another agency. */
  seed(r: Repositories): Promise<{ agencyId: string; otherAgencyId: string; row: T }>;
  findById(r: Repositories, agencyId: string, id: string): Promise<T | null>;
  update(r: Repositories, row: T): Promise<unknown>;
  /** A visible change, a different one for each `n`. */
  change(row: T, n: number): void;
  plain(row: T): unknown;
  /** The same row claiming to be another agency's (to see the update is scoped too). */
  moveTo?(row: T, agencyId: string): T;
}

export function versionCases<T extends { id: string; version: number }>(subject: () => Repositories, port: Versioned<T>): void {
  const withoutVersion = (row: T) => ({ ...(port.plain(row) as object), version: undefined });

  it('update stores the change and counts the version up', async () => {
    const { agencyId, row } = await port.seed(subject());
    const read = (await port.findById(subject(), agencyId, row.id))!;
    port.change(read, 1);
    expect(withoutVersion(read)).not.toEqual(withoutVersion(row));
    const returned = await port.update(subject(), read);
    if (returned !== undefined) expect((returned as T).version).toBe(row.version + 1);
    const stored = (await port.findById(subject(), agencyId, row.id))!;
    expect(stored.version).toBe(row.version + 1);
    expect(withoutVersion(stored)).toEqual(withoutVersion(read));
  });

  it('a stale version is a ConflictError STALE_VERSION, and the first writer’s change stays', async () => {
    const { agencyId, row } = await port.seed(subject());
    const first = (await port.findById(subject(), agencyId, row.id))!;
    const second = (await port.findById(subject(), agencyId, row.id))!;
    port.change(first, 1);
    await port.update(subject(), first);
    port.change(second, 2);
    const error = await refusal(port.update(subject(), second));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.reason).toBe('STALE_VERSION');
    const stored = (await port.findById(subject(), agencyId, row.id))!;
    expect(withoutVersion(stored)).toEqual(withoutVersion(first));
    expect(withoutVersion(stored)).not.toEqual(withoutVersion(second));
  });

  if (port.moveTo) {
    const moveTo = port.moveTo;
    it('an update under another agency is STALE_VERSION and changes nothing', async () => {
      const { agencyId, otherAgencyId, row } = await port.seed(subject());
      const read = (await port.findById(subject(), agencyId, row.id))!;
      port.change(read, 1);
      expect(await refusal(port.update(subject(), moveTo(read, otherAgencyId)))).toMatchObject({ reason: 'STALE_VERSION' });
      expect(await port.findById(subject(), otherAgencyId, row.id)).toBeNull();
      expect(port.plain((await port.findById(subject(), agencyId, row.id))!)).toEqual(port.plain(row));
    });
  }
}
