import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { buildSchemaForPrinting } from '../../src/composition-root';
import { startTestApp, TestApp, TravelClock } from '../support/test-app';
import { Cell, cellsOf, inBatches, runCell } from './authorization-matrix/cells';
import { AUTHORIZATION_MATRIX, CALLERS, OUTCOMES } from './authorization-matrix/matrix';
import { MUTATION_SPECS } from './authorization-matrix/operations-mutations';
import { QUERY_SPECS } from './authorization-matrix/operations-queries';
import { OperationSpec } from './authorization-matrix/scene';
import { buildWorld, World } from './authorization-matrix/world';
import { WED_W48_1000 } from './week-helpers';

/*
 * Issue 8: the authorization probe as a test. Every query and mutation of the executable schema,
 * sent by every role (anonymous, worker, relation contact, staff, the payroll key) for objects of
 * its own, of the other party, hidden from it in its own agency, and of another agency, from each
 * of two agencies towards the other. The expected outcome of each cell is the table in
 * authorization-matrix/matrix.ts; an answer that differs, or that holds anything of the other
 * agency or of what the role may not see, fails its operation's test with every such cell listed.
 *
 * Refusals are sent first, concurrently; the calls the matrix allows come after them, so that
 * the one change an operation is allowed (a week approved, a key revoked) comes after every
 * refusal that names the same object.
 */

const SPECS: Readonly<Record<string, OperationSpec>> = { ...QUERY_SPECS, ...MUTATION_SPECS };
const BATCH = 8;

describe('the authorization matrix: every operation x role x owner', () => {
  let t: TestApp;
  let worlds: [World, World];
  let sent = 0;

  beforeAll(async () => {
    t = await startTestApp({ clock: new TravelClock(WED_W48_1000) });
    worlds = await Promise.all([buildWorld(t, 'A'), buildWorld(t, 'B')]);
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('classifies every query and mutation of the schema, and names no operation the schema lacks', async () => {
    const schema = await buildSchemaForPrinting();
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const operations = roots.flatMap((root) => Object.keys(root?.getFields() ?? {})).sort();
    const classified = Object.keys(AUTHORIZATION_MATRIX).sort();
    expect({ unclassified: operations.filter((o) => !classified.includes(o)), gone: classified.filter((o) => !operations.includes(o)) }).toEqual({
      unclassified: [],
      gone: [],
    });
    expect(Object.keys(SPECS).sort()).toEqual(classified);
  });

  it('gives every operation a request for each owner of its entry, and each owner an outcome for every caller', () => {
    for (const [operation, entry] of Object.entries(AUTHORIZATION_MATRIX)) {
      const spec = SPECS[operation];
      expect({ operation, owners: Object.keys(spec.owners).sort() }).toEqual({ operation, owners: Object.keys(entry).sort() });
      for (const row of Object.values(entry)) {
        expect(Object.keys(row!).sort()).toEqual([...CALLERS].sort());
        for (const outcome of Object.values(row!)) expect(OUTCOMES).toContain(outcome);
      }
      // The document calls the operation it is filed under, and nothing else.
      const definition = parse(spec.document).definitions[0] as OperationDefinitionNode;
      const fields = definition.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : s.kind));
      expect({ operation, fields }).toEqual({ operation, fields: [operation] });
    }
  });

  describe.each(Object.keys(AUTHORIZATION_MATRIX))('%s', (operation) => {
    it('answers every caller and owner as the matrix says, and leaks nothing', async () => {
      const cells = cellsOf(operation, worlds);
      const allowed = (cell: Cell) => cell.outcome === 'data' || cell.outcome === 'empty';
      const run = (cell: Cell) => runCell(t, SPECS[operation], cell);
      const failures = [
        ...(await inBatches(cells.filter((c) => !allowed(c)), BATCH, run)),
        ...(await inBatches(cells.filter(allowed), BATCH, run)),
      ].filter((f): f is string => f !== null);
      sent += cells.length;
      expect(failures).toEqual([]);
    }, 600_000); // it counts answers, not time: on the embedded database that the whole run shares, one operation once took over 180 s under load
  });

  it('sent every cell of the matrix', () => {
    const owners = (entry: object) => Object.values(entry) as Record<string, string>[];
    const expected = Object.values(AUTHORIZATION_MATRIX).flatMap(owners).flatMap((row) => Object.values(row)).filter((o) => o !== 'n/a').length * 2;
    expect(sent).toBe(expected);
  });
});
