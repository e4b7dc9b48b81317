import { createAgencyWithStaff, TestAgency, TestApp, TravelClock, unique } from '../support/test-app';
import { dataOf } from './e2e-helpers';
import { defaultTimesheet, saveTimesheet, startWeekApp, timesheetForWeek, WED_W48_1000, weekWorld } from './week-helpers';

/*
 * Issue 9, items 7 and 8 over HTTP: what each role's front end gets in `viewer.enabledTabs`, the
 * landing week of a worker whose relation enters the hours, and `params.roles` as a list.
 */
describe('the viewer by role: portal tabs, the landing week, the roles of a refusal', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let agency: TestAgency;

  const tabsOf = async (token: string) => dataOf(await t.gql<{ viewer: { enabledTabs: string[] } }>('{ viewer { enabledTabs } }', {}, { token })).viewer.enabledTabs;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    agency = await createAgencyWithStaff(t, unique('Viewer roles agency '));
    const { version } = dataOf(await t.gql<{ agency: { version: number } }>('{ agency { version } }', {}, { token: agency.staffToken })).agency;
    dataOf(
      await t.gql(
        'mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { version } } }',
        { input: { enabledTabs: ['PAYSLIPS', 'CONTACT'], expectedVersion: version } },
        { token: agency.staffToken },
      ),
    );
  });

  afterAll(() => t?.stop());

  it('enabledTabs: the worker gets the agency’s worker tabs; the contact only CONTACT (messages to the agency); staff and payroll none', async () => {
    const world = await weekWorld(t, agency);
    expect(await tabsOf(world.workerToken)).toEqual(['PAYSLIPS', 'CONTACT']);
    expect(await tabsOf(world.contactToken)).toEqual(['CONTACT']);
    expect(await tabsOf(agency.staffToken)).toEqual([]);
    const created = dataOf(
      await t.gql<{ createApiClient: { apiKey: string } }>(
        'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey } }',
        { input: { name: unique('Payroll ') } },
        { token: agency.staffToken },
      ),
    ).createApiClient;
    expect(await tabsOf(created.apiKey)).toEqual([]);
    // Staff still read the agency's choice where they change it.
    const settings = dataOf(await t.gql<{ agency: { settings: { enabledTabs: string[] } } }>('{ agency { settings { enabledTabs } } }', {}, { token: agency.staffToken }));
    expect(settings.agency.settings.enabledTabs).toEqual(['PAYSLIPS', 'CONTACT']);
  });

  it('defaultTimesheet: a worker whose relation enters the hours lands on the current week, read-only', async () => {
    const world = await weekWorld(t, agency, { placement: { hoursEnteredBy: 'RELATION' } });
    const landed = await defaultTimesheet(t, world.workerToken);
    expect(landed).toMatchObject({ week: '2026-W48', placementId: world.placement.id, status: 'OPEN', enteredBy: 'RELATION', editable: false, days: [] });
    // The contact, who enters it, lands on last week, still open, editable.
    expect(await defaultTimesheet(t, world.contactToken)).toMatchObject({ week: '2026-W47', enteredBy: 'RELATION', editable: true });
  });

  it('defaultTimesheet: a placement the worker enters comes first, and null means no running placement', async () => {
    const own = await weekWorld(t, agency);
    expect(await defaultTimesheet(t, own.workerToken)).toMatchObject({ week: '2026-W47', enteredBy: 'FLEXWORKER', editable: true });
    // A worker whose placement ended before today has none running: null.
    const ended = await weekWorld(t, agency, { placement: { startDate: '2026-11-02', endDate: '2026-11-08', hoursEnteredBy: 'RELATION' } });
    expect(await defaultTimesheet(t, ended.workerToken)).toBeNull();
  });

  it('ROLE_NOT_ALLOWED carries params.roles as a list of role names', async () => {
    const world = await weekWorld(t, agency);
    const week = await timesheetForWeek(t, world.workerToken, world.placement.id, '2026-W48');
    const refused = await saveTimesheet(t, agency.staffToken, { timesheetId: week.id, expectedVersion: week.version, days: [] });
    expect(refused.body.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
      params: { roles: ['FLEXWORKER', 'RELATION_CONTACT'] },
    });
    const asWorker = await t.gql('mutation { updateAgencySettings(input: { expectedVersion: 1 }) { agency { version } } }', {}, { token: world.workerToken });
    expect(asWorker.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', params: { roles: ['AGENCY_STAFF'] } });
  });
});
