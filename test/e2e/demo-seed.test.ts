import { seedDemoData } from '../../src/composition-root';
import { DEMO_LOGINS, DemoIds } from '../../src/infrastructure/demo/demo-seed';
import { startTestApp, TestApp, TravelClock } from '../support/test-app';
import { dataOf } from './e2e-helpers';

/*
 * The demo as a new user finds it after `npm start`, seeded in-process at a fixed moment: the
 * schoonmaak schedule on a placement, and past weeks in every state relative to that moment.
 * It goes into the suite's database under fresh ids (logins name the agency), so a kept database
 * gets a demo of each run, each true to its own moment.
 *
 * Monday 2026-11-30 00:20 in Amsterdam: the week has only just begun, so every step the seed
 * dates in the past must really lie before this moment.
 */
const NOW = new Date('2026-11-29T23:20:00Z');
const CURRENT = '2026-W49';
const W = (ago: number) => `2026-W${49 - ago}`;

interface Line {
  date: string;
  hourCode: string;
  kind: string;
  percentage: number;
  minutes: number;
}
interface Week {
  id: string;
  week: string;
  status: string;
  late: boolean;
  approvedByWorkerAt: string | null;
  approvedByRelationAt: string | null;
  days: { date: string }[];
  rejection: { reason: string } | null;
  currentDeclaration: { origin: string } | null;
  declarations: { number: number; origin: string; status: string; correctionReason: string | null }[];
  auditTrail: { action: string; reason: string | null }[];
  preview: { schedule: { name: string } | null; days: { date: string; lines: Line[] }[] };
  placement: { caoScheduleId: string | null };
}

const WEEK = `id week status late approvedByWorkerAt approvedByRelationAt days { date } rejection { reason }
  currentDeclaration { origin } declarations { number origin status correctionReason } auditTrail { action reason }
  preview { schedule { name } days { date lines { date hourCode kind percentage minutes } } } placement { caoScheduleId }`;

const WORKER_VIEW = `{ openTimesheets { nodes { ${WEEK} } } defaultTimesheet { week }
  declarationStatus(first: 50) { nodes { ${WEEK} } } }`;

interface WorkerView {
  openTimesheets: { nodes: Week[] };
  defaultTimesheet: { week: string } | null;
  declarationStatus: { nodes: Week[] };
}

describe('the demo data', () => {
  let t: TestApp;
  let ids: DemoIds;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({ clock: new TravelClock(NOW) });
    ids = { agencyId: t.app.services.ids.next(), staffId: t.app.services.ids.next() };
    expect(await seedDemoData(t.app.services, ids)).toBe(true);
  }, 60_000);
  afterAll(() => t?.stop());

  async function as<T>(email: string, query: string): Promise<T> {
    let token = tokens.get(email);
    if (!token) {
      const response = await t.gql<{ login: { token: string } }>('mutation ($input: LoginInput!) { login(input: $input) { token } }', {
        input: { email, password: DEMO_LOGINS.password, agencyId: ids.agencyId },
      });
      token = dataOf(response).login.token;
      tokens.set(email, token);
    }
    return dataOf(await t.gql<T>(query, {}, { token }));
  }

  const lines = (week: Week) => week.preview.days.flatMap((d) => d.lines);

  it('is created once: a second seed finds it and adds nothing', async () => {
    expect(await seedDemoData(t.app.services, ids)).toBe(false);
    const staff = await as<{ flexworkers: { nodes: unknown[] }; placements: { nodes: unknown[] }; relations: { nodes: unknown[] } }>(
      'planner@uboss.example',
      '{ flexworkers { nodes { id } } placements { nodes { id } } relations { nodes { id } } }',
    );
    expect([staff.flexworkers.nodes.length, staff.placements.nodes.length, staff.relations.nodes.length]).toEqual([4, 4, 3]);
  });

  it('has the schoonmaak schedule on a placement, next to placements with hand-filled hour codes and one the relation fills', async () => {
    const staff = await as<{
      caoUnravelSchedules: { nodes: { id: string; name: string }[] };
      placements: { nodes: { caoScheduleId: string | null; hoursEnteredBy: string; startDate: string; flexworker: { fullName: string } }[] };
    }>(
      'planner@uboss.example',
      '{ caoUnravelSchedules { nodes { id name } } placements { nodes { caoScheduleId hoursEnteredBy startDate flexworker { fullName } } } }',
    );
    expect(staff.caoUnravelSchedules.nodes).toEqual([{ id: expect.any(String), name: 'Schoonmaak- en glazenwassersbedrijf (model)' }]);
    const scheduleId = staff.caoUnravelSchedules.nodes[0].id;
    const byWorker = Object.fromEntries(staff.placements.nodes.map((p) => [p.flexworker.fullName, p]));
    expect(byWorker['Ana Ferreira']).toMatchObject({ caoScheduleId: scheduleId, hoursEnteredBy: 'FLEXWORKER', startDate: '2026-11-02' });
    expect(byWorker['Jan Jansen']).toMatchObject({ caoScheduleId: null, hoursEnteredBy: 'FLEXWORKER', startDate: '2026-11-02' });
    expect(byWorker['Mihai Popescu']).toMatchObject({ caoScheduleId: null, hoursEnteredBy: 'FLEXWORKER' });
    expect(byWorker['Agnieszka Kowalska']).toMatchObject({ caoScheduleId: null, hoursEnteredBy: 'RELATION' });
  });

  it('shows the schedule worker open weeks, waiting and approved weeks, a late one, a correction, and ORT in the preview', async () => {
    const ana = await as<WorkerView>('ana.ferreira@example.com', WORKER_VIEW);
    expect(ana.openTimesheets.nodes.map((w) => [w.week, w.status, w.days.length])).toEqual([
      [W(1), 'OPEN', 3],
      [CURRENT, 'OPEN', 0],
    ]);
    expect(ana.defaultTimesheet).toEqual({ week: W(1) });

    const status = Object.fromEntries(ana.declarationStatus.nodes.map((w) => [w.week, w]));
    expect(ana.declarationStatus.nodes.map((w) => [w.week, w.status])).toEqual(
      expect.arrayContaining([
        [W(2), 'SUBMITTED'],
        [W(3), 'APPROVED'],
        [W(4), 'APPROVED'],
      ]),
    );
    // Approved after the Monday 12:00 deadline.
    expect(status[W(4)]).toMatchObject({ late: true, approvedByWorkerAt: '2026-11-10T13:10:00.000Z' });
    expect(status[W(3)].late).toBe(false);
    // Still waiting for the relation, its deadline passed: late, paid with a later run.
    expect(status[W(2)].late).toBe(true);
    // Corrected by staff after the relation approved: a second version, the first superseded.
    expect(status[W(3)].declarations).toEqual([
      { number: 1, origin: 'WORKER', status: 'SUPERSEDED', correctionReason: null },
      { number: 2, origin: 'CORRECTION', status: 'APPROVED', correctionReason: expect.stringContaining('zondagdienst') },
    ]);
    expect(status[W(3)].currentDeclaration).toEqual({ origin: 'CORRECTION' });

    // Night shifts and a Sunday on the schoonmaak CAO: ORT lines, and overtime on the long night.
    const submitted = lines(status[W(2)]);
    expect(status[W(2)].preview.schedule?.name).toBe('Schoonmaak- en glazenwassersbedrijf (model)');
    expect(submitted).toEqual(expect.arrayContaining([
      expect.objectContaining({ hourCode: 'ORT-NACHT', kind: 'ORT' }),
      expect.objectContaining({ hourCode: 'ORT-AVOND', kind: 'ORT' }),
      expect.objectContaining({ hourCode: 'ORT-FEEST', kind: 'ORT', percentage: 100, date: '2026-11-22' }),
      expect.objectContaining({ hourCode: 'OW125', kind: 'OVERTIME' }),
    ]));
    const draft = ana.openTimesheets.nodes[0];
    expect(lines(draft).some((l) => l.kind === 'ORT')).toBe(true);
  });

  it('shows staff the correction in the audit trail', async () => {
    const staff = await as<{ timesheets: { nodes: Week[] } }>(
      'planner@uboss.example',
      `{ timesheets(first: 100, filter: { week: "${W(3)}" }) { nodes { ${WEEK} } } }`,
    );
    const corrected = staff.timesheets.nodes.filter((w) => w.auditTrail.length > 0);
    expect(corrected).toHaveLength(1);
    expect(corrected[0].auditTrail).toEqual([{ action: 'DECLARATION_CORRECTED', reason: expect.stringContaining('prikklok') }]);
  });

  it('leaves the hour-code worker last week empty, a rejected week with its reason, and a week waiting for the relation', async () => {
    const jan = await as<WorkerView>('jan.jansen@example.com', WORKER_VIEW);
    expect(jan.openTimesheets.nodes.map((w) => [w.week, w.days.length, w.rejection?.reason ?? null])).toEqual([
      [W(3), 5, expect.stringContaining('overwerk')],
      [W(1), 0, null],
      [CURRENT, 0, null],
    ]);
    expect(jan.defaultTimesheet).toEqual({ week: W(1) });
    expect(jan.declarationStatus.nodes.map((w) => [w.week, w.status])).toEqual(
      expect.arrayContaining([
        [W(2), 'SUBMITTED'],
        [W(4), 'APPROVED'],
      ]),
    );
    expect(lines(jan.openTimesheets.nodes[0]).every((l) => l.kind === 'MANUAL')).toBe(true);
  });

  it('keeps a draft that was never approved, and gives each relation contact something to do', async () => {
    const mihai = await as<WorkerView>('mihai.popescu@example.com', WORKER_VIEW);
    const draft = mihai.openTimesheets.nodes.find((w) => w.week === W(2));
    expect(draft).toMatchObject({ status: 'OPEN', currentDeclaration: null, declarations: [] });
    expect(draft?.days).toHaveLength(4);
    expect(mihai.declarationStatus.nodes.find((w) => w.week === W(1))?.status).toBe('SUBMITTED');

    type Awaiting = { declarationsAwaitingApproval: { nodes: { week: string; flexworker: { fullName: string } }[] }; openTimesheets: { nodes: Week[] } };
    const query = `{ declarationsAwaitingApproval { nodes { week flexworker { fullName } } } openTimesheets { nodes { ${WEEK} } } }`;
    const bakery = await as<Awaiting>('inkoop@goudenkorrel.example', query);
    expect(bakery.declarationsAwaitingApproval.nodes).toEqual([{ week: W(2), flexworker: { fullName: 'Jan Jansen' } }]);
    const cleaning = await as<Awaiting>('planning@glansrijk.example', query);
    expect(cleaning.declarationsAwaitingApproval.nodes).toEqual([{ week: W(2), flexworker: { fullName: 'Ana Ferreira' } }]);
    const logistics = await as<Awaiting>('teamleider@lcnoord.example', query);
    expect(logistics.declarationsAwaitingApproval.nodes).toEqual([{ week: W(1), flexworker: { fullName: 'Mihai Popescu' } }]);
    // Where the relation enters the hours, last week is the team leader's to fill.
    expect(logistics.openTimesheets.nodes.map((w) => [w.week, w.days.length])).toEqual([
      [W(1), 0],
      [CURRENT, 0],
    ]);
  });
});
