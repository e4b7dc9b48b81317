import { Client } from 'pg';
import { seedDemoData } from '../../src/composition-root';
import { DEMO_LOGINS } from '../../src/infrastructure/demo/demo-seed';
import { startTestApp, TestApp } from '../support/test-app';
import { dataOf } from './e2e-helpers';

/*
 * Issue 9, item 9: pg deprecates sending a query on a connection that is still executing one
 * ("Calling client.query() when the client is already executing a query", an error in pg 9). It
 * warns only from the third query in flight; this test is stricter: it fails on the second, so a
 * Promise.all over one transaction's connection is caught before it grows. It watches every pg
 * Client while the demo is seeded (everything in one transaction), and during a few requests,
 * and collects the process's warnings as well.
 */
type PgClientInternals = { _activeQuery?: unknown; _queryQueue?: unknown[]; pipeline?: boolean };

describe('one query at a time per pg connection (the deprecation warning of pg 8.19+)', () => {
  let t: TestApp;
  const overlapping: string[] = [];
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  const originalQuery = Client.prototype.query;

  beforeAll(async () => {
    process.on('warning', onWarning);
    Client.prototype.query = function (this: Client & PgClientInternals, ...args: unknown[]) {
      if (!this.pipeline && (this._activeQuery || (this._queryQueue?.length ?? 0) > 0)) {
        const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '');
        overlapping.push(`${text.slice(0, 120)}\n${new Error().stack?.split('\n').slice(2, 8).join('\n')}`);
      }
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.stop();
    Client.prototype.query = originalQuery;
    process.off('warning', onWarning);
  });

  it('seeds the demo (one transaction) without a query sent on a busy connection', async () => {
    const ids = { agencyId: t.app.services.ids.next(), staffId: t.app.services.ids.next() };
    expect(await seedDemoData(t.app.services, ids)).toBe(true);
    const staff = DEMO_LOGINS.users.find((u) => u.role === 'AGENCY_STAFF')!;
    const login = dataOf(
      await t.gql<{ login: { token: string } }>('mutation ($input: LoginInput!) { login(input: $input) { token } }', {
        input: { email: staff.email, password: DEMO_LOGINS.password, agencyId: ids.agencyId },
      }),
    ).login;
    const queries = [
      '{ viewer { displayName } placements { nodes { functionName relation { name } flexworker { fullName } } } }',
      '{ timesheets(first: 50) { nodes { week status late expectedPayDate preview { workedHours } declarations { number } auditTrail { reason } } } }',
      '{ relations { nodes { name } } flexworkers { nodes { fullName } } caoUnravelSchedules { nodes { name } } }',
    ];
    const answers = await Promise.all(queries.flatMap((q) => [q, q]).map((q) => t.gql(q, {}, { token: login.token })));
    for (const answer of answers) dataOf(answer);
    expect(overlapping).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
