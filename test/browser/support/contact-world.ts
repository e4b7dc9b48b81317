import { createAgencyWithStaff, login, TestAgency, TestApp, TEST_PASSWORD, unique } from '../../support/test-app';
import { createFlexworker, createPlacement, createRelation, createUser, dataOf } from '../../e2e/e2e-helpers';
import { approveWeek, createSchoonmaakSchedule, DayInput, timesheetForWeek, userIdOf } from '../../e2e/week-helpers';

/*
 * The world of the contact's portal tests, built through GraphQL as the front ends would: an
 * agency with the schoonmaak CAO schedule, the relation Kantoor with its Dutch contact Sanne, and
 * three workers placed there from Monday 2 November 2026: Fatima (the CAO schedule unravels her
 * hours), Mihai (manual hour codes) and Agnieszka (the relation enters her hours). Fatima and Mihai
 * have approved week 46; its two declarations wait for Sanne. "Now" is Wednesday 25 November 2026
 * (week 48), fixed by the suite's TravelClock.
 */

export interface ContactWorld {
  readonly agency: TestAgency;
  readonly relationId: string;
  readonly contact: { readonly email: string; readonly token: string; readonly userId: string };
  readonly fatima: { readonly name: string; readonly token: string; readonly placementId: string };
  readonly mihai: { readonly name: string; readonly token: string; readonly placementId: string };
  readonly agnieszka: { readonly name: string; readonly placementId: string };
  /** The declarations of week 46 waiting for the relation: Fatima's and Mihai's. */
  readonly waiting: { readonly fatimaW46: string; readonly mihaiW46: string };
}

/** Fatima's week 46: two days as times (one with an evening), one as a day total. */
const FATIMA_W46: DayInput[] = [
  { date: '2026-11-09', blocks: [{ start: '07:00', end: '15:30' }], breakDuration: '0:30' },
  { date: '2026-11-10', blocks: [{ start: '14:00', end: '22:30' }], breakDuration: '0:30' },
  { date: '2026-11-12', total: '8:00' },
];

/** Mihai's week 46 by hour code: an ordinary day and one with an hour of overtime. */
const MIHAI_W46: DayInput[] = [
  { date: '2026-11-09', hours: [{ hourCode: 'H100', hours: '8:00' }] },
  { date: '2026-11-10', hours: [{ hourCode: 'H100', hours: '8:00' }, { hourCode: 'OW150', hours: '1:00' }] },
];

/** Fatima's week 47 (docs/api.md's story): a night shift, a day total, a split shift with a break, a Sunday. */
export const FATIMA_W47: DayInput[] = [
  { date: '2026-11-16', blocks: [{ start: '22:00', end: '06:00' }], breakDuration: '0:30' },
  { date: '2026-11-18', total: '8:30' },
  { date: '2026-11-19', blocks: [{ start: '06:00', end: '10:00' }, { start: '17:00', end: '21:30' }], breaks: [{ start: '08:00', end: '08:15' }] },
  { date: '2026-11-22', blocks: [{ start: '08:00', end: '13:00' }] },
];

async function workerWithLogin(t: TestApp, staffToken: string, firstName: string, lastName: string) {
  const email = `${unique(firstName.toLowerCase())}@contact-world.example`;
  const worker = await createFlexworker(t, staffToken, { firstName, lastName, email });
  await createUser(t, staffToken, { email, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD, displayName: worker.fullName, language: 'NL' });
  return { id: worker.id, name: worker.fullName, token: await login(t, email, TEST_PASSWORD) };
}

export async function contactWorld(t: TestApp): Promise<ContactWorld> {
  const agency = await createAgencyWithStaff(t, unique('Contact agency '));
  const staffToken = agency.staffToken;
  const schedule = await createSchoonmaakSchedule(t, staffToken);
  const relation = await createRelation(t, staffToken, { name: unique('Kantoor ') });

  const contactEmail = `${unique('sanne')}@kantoor.example`;
  await createUser(t, staffToken, { email: contactEmail, role: 'RELATION_CONTACT', relationId: relation.id, password: TEST_PASSWORD, displayName: 'Sanne de Vries', language: 'NL' });
  const contactToken = await login(t, contactEmail, TEST_PASSWORD);

  const fatima = await workerWithLogin(t, staffToken, 'Fatima', 'El Amrani');
  const mihai = await workerWithLogin(t, staffToken, 'Mihai', 'Popescu');
  const agnieszka = await createFlexworker(t, staffToken, { firstName: 'Agnieszka', lastName: 'Kowalska', email: `${unique('agnieszka')}@contact-world.example` });

  const common = { relationId: relation.id, startDate: '2026-11-02', functionName: 'Schoonmaker' };
  const fatimaPlacement = await createPlacement(t, staffToken, { ...common, flexworkerId: fatima.id, caoScheduleId: schedule.id, hourCodes: undefined });
  const mihaiPlacement = await createPlacement(t, staffToken, {
    ...common,
    flexworkerId: mihai.id,
    functionName: 'Glazenwasser',
    hourCodes: [
      { code: 'H100', percentage: 100, label: 'Glazenwassen' },
      { code: 'OW150', percentage: 150, label: 'Overwerk 150 %' },
    ],
  });
  const agnieszkaPlacement = await createPlacement(t, staffToken, {
    ...common,
    flexworkerId: agnieszka.id,
    functionName: 'Inpakker',
    caoScheduleId: schedule.id,
    hourCodes: undefined,
    hoursEnteredBy: 'RELATION',
    sendInvitations: false,
    sendReminders: false,
  });

  const fatimaW46 = await approveWeek(t, fatima.token, await timesheetForWeek(t, fatima.token, fatimaPlacement.id, '2026-W46'), FATIMA_W46);
  const mihaiW46 = await approveWeek(t, mihai.token, await timesheetForWeek(t, mihai.token, mihaiPlacement.id, '2026-W46'), MIHAI_W46);

  return {
    agency,
    relationId: relation.id,
    contact: { email: contactEmail, token: contactToken, userId: await userIdOf(t, contactToken) },
    fatima: { name: fatima.name, token: fatima.token, placementId: fatimaPlacement.id },
    mihai: { name: mihai.name, token: mihai.token, placementId: mihaiPlacement.id },
    agnieszka: { name: agnieszka.fullName, placementId: agnieszkaPlacement.id },
    waiting: { fatimaW46: fatimaW46.currentDeclaration.id, mihaiW46: mihaiW46.currentDeclaration.id },
  };
}

export interface DeclarationState {
  id: string;
  status: string;
  approvedByRelationId: string | null;
  approvedByRelationAt: string | null;
  rejectedById: string | null;
  rejectionReason: string | null;
  timesheet: { id: string; status: string; rejection: { reason: string } | null } | null;
  breakdown: { days: { date: string; lines: { hours: string; explanation: { text: string } }[] }[] };
}

/** A declaration as the server has it now, read with the given token. */
export async function declarationState(t: TestApp, token: string, id: string): Promise<DeclarationState> {
  const response = await t.gql<{ declaration: DeclarationState }>(
    `query ($id: ID!) { declaration(id: $id) { id status approvedByRelationId approvedByRelationAt rejectedById rejectionReason
       timesheet { id status rejection { reason } } breakdown { days { date lines { hours explanation { text } } } } } }`,
    { id },
    { token },
  );
  return dataOf(response).declaration;
}

/** The contact's open weeks of one placement (openTimesheets), oldest first. */
export async function openWeeksOf(t: TestApp, token: string, placementId: string): Promise<{ id: string; week: string }[]> {
  const response = await t.gql<{ openTimesheets: { nodes: { id: string; week: string }[] } }>(
    'query ($placementId: ID) { openTimesheets(placementId: $placementId, first: 100) { nodes { id week } } }',
    { placementId },
    { token },
  );
  return dataOf(response).openTimesheets.nodes;
}
