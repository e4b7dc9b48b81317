import { Page, PageQuery } from '../../../src/application/shared/pagination';
import { ValidationError } from '../../../src/domain/shared/domain-error';
import { refusal } from './cases';
import { Repositories } from './repositories';
import { newId } from './seeds';

/**
 * Keyset paging as every list of the ports promises it: `first` items, a cursor per item,
 * `after` continuing right behind the item its cursor names, and CURSOR_INVALID for a cursor
 * that this list did not make.
 */
export interface Paged<T extends { id: string }> {
  /** Rows of one agency, and the ids in the order the list must give them. */
  seed(r: Repositories): Promise<{ agencyId: string; expected: readonly string[] }>;
  list(r: Repositories, agencyId: string, page: PageQuery): Promise<Page<T>>;
  /** A cursor that another list handed out. */
  foreignCursor(r: Repositories): Promise<string>;
  /** Where a cursor of this list holds a date (its list name is part 0), for lists keyed by a date. */
  datePart?: number;
}

export function pagingCases<T extends { id: string }>(subject: () => Repositories, port: Paged<T>): void {
  it('pages through every row in order: `first` at a time, each next page after the end cursor', async () => {
    const { agencyId, expected } = await port.seed(subject());
    const seen: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < expected.length; round++) {
      const page: Page<T> = await port.list(subject(), agencyId, { first: 2, after });
      seen.push(...page.items.map((i) => i.id));
      expect(page.cursors).toHaveLength(page.items.length);
      expect(page.endCursor).toBe(page.cursors[page.cursors.length - 1] ?? null);
      expect(page.hasNextPage).toBe(seen.length < expected.length);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it("continues right behind the item of any of a page's cursors", async () => {
    const { agencyId, expected } = await port.seed(subject());
    const page = await port.list(subject(), agencyId, { first: expected.length, after: null });
    expect(page.hasNextPage).toBe(false);
    for (let i = 0; i < expected.length; i++) {
      const next = await port.list(subject(), agencyId, { first: 1, after: page.cursors[i] });
      expect(next.items.map((item) => item.id)).toEqual(expected.slice(i + 1, i + 2));
    }
  });

  it('an agency without rows has an empty page and no end cursor', async () => {
    expect(await port.list(subject(), newId(), { first: 5, after: null })).toEqual({ items: [], cursors: [], hasNextPage: false, endCursor: null });
  });

  it('a cursor of another list is CURSOR_INVALID', async () => {
    const { agencyId } = await port.seed(subject());
    const error = await refusal(port.list(subject(), agencyId, { first: 5, after: await port.foreignCursor(subject()) }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.problems).toEqual([expect.objectContaining({ path: 'after', reason: 'CURSOR_INVALID' })]);
  });

  const forgeries = `not a cursor at all, a part left out, a part that is not text${port.datePart === undefined ? '' : ', a date that does not exist'}`;
  it(`a forged cursor is CURSOR_INVALID: ${forgeries}`, async () => {
    const { agencyId } = await port.seed(subject());
    const own = (await port.list(subject(), agencyId, { first: 1, after: null })).endCursor!;
    const forged = ['not a cursor', 'W10=', reshape(own, (parts) => parts.slice(0, -1)), reshape(own, (parts) => [parts[0], ...parts.slice(1).map(() => 7)])];
    if (port.datePart !== undefined) forged.push(reshape(own, (parts) => parts.map((p, i) => (i === port.datePart ? '2026-02-30' : p))));
    for (const after of forged) {
      expect(await refusal(port.list(subject(), agencyId, { first: 5, after }))).toMatchObject({ reason: 'CURSOR_INVALID' });
    }
  });
}

/**
 * A cursor with its parts changed. Cursors are opaque to clients, but the fakes make theirs in
 * the real ones' shape (base64url JSON, the list's name first) so that both can be forged alike.
 */
function reshape(cursor: string, change: (parts: unknown[]) => unknown[]): string {
  const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
  return Buffer.from(JSON.stringify(change(parts)), 'utf8').toString('base64url');
}
