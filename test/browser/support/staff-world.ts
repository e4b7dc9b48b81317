import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Actor } from '../../../src/application/shared/actor';
import { createAgencyWithStaff, TestApp, unique } from '../../support/test-app';
import { userWithLogin, workerWeeks } from './world-helpers';

/*
 * The staff screens' world (issue 15), built through the use cases as test/e2e/week-people-world.ts
 * does: an agency with a Dutch-speaking planner, a relation with a contact, a worker with a login
 * at a CAO placement and three weeks (W46 approved by the relation, W47 waiting for the relation,
 * W48 a saved draft), a second worker with an open week, two change requests of the worker (the
 * second one made on the same version of the worker's record as the first) and a thread the
 * worker started.
 */

const SCHOONMAAK = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'unravel', 'schoonmaak', 'schedule.json'), 'utf8')) as {
  versions: Record<string, unknown>[];
};

/** Now in the world: Wednesday 2 December 2026, 10:00 in Amsterdam (W49). */
export const STAFF_WORLD_NOW = new Date('2026-12-02T09:00:00.000Z');

export interface StaffWorld {
  readonly agencyId: string;
  readonly planner: { readonly email: string; readonly token: string; readonly name: string };
  readonly worker: { readonly flexworkerId: string; readonly token: string; readonly fullName: string };
  readonly otherWorker: { readonly flexworkerId: string; readonly fullName: string };
  readonly relation: { readonly id: string; readonly name: string };
  readonly weeks: { readonly w46: string; readonly w47: string; readonly w48: string; readonly other: string };
  readonly requests: { readonly phone: string; readonly address: string };
  readonly newPhone: string;
  readonly threadId: string;
  readonly threadSubject: string;
}

async function gqlData<T>(t: TestApp, query: string, variables: object, token: string): Promise<T> {
  const response = await t.gql<T>(query, variables, { token });
  if (!response.body.data) throw new Error(`GraphQL refused: ${JSON.stringify(response.body.errors)}`);
  return response.body.data;
}

export async function staffWorld(t: TestApp): Promise<StaffWorld> {
  const s = t.app.services;
  const agency = await createAgencyWithStaff(t, unique('Staff portal agency '));
  const staff = agency.staff;
  await s.organisation.updateAgencySettings.execute(staff, { enabledTabs: ['DECLARATION_STATUS', 'PERSONAL_INFORMATION', 'CONTACT'] });

  const planner = await userWithLogin(t, staff, { displayName: 'Petra Planner', role: 'AGENCY_STAFF' }, { prefix: 'planner', domain: 'staff.example' });

  const schedule = await s.caoSchedules.createCaoSchedule.execute(staff, { name: unique('Schoonmaak '), versions: [SCHOONMAAK.versions[0]] });
  const relationName = unique('Kantoor Noord ');
  const relation = await s.organisation.createRelation.execute(staff, { name: relationName });
  const lastName = unique('Bakker');
  const flexworker = await s.organisation.createFlexworker.execute(staff, { firstName: 'Fatima', lastName, email: `${unique('w')}@staff.example` });
  const otherLastName = unique('Visser');
  const other = await s.organisation.createFlexworker.execute(staff, { firstName: 'Jan', lastName: otherLastName, email: `${unique('w')}@staff.example` });
  const placement = await s.organisation.createPlacement.execute(staff, {
    flexworkerId: flexworker.id,
    relationId: relation.id,
    startDate: '2026-11-02',
    functionName: 'Schoonmaker',
    caoScheduleId: schedule.id,
  });
  const otherPlacement = await s.organisation.createPlacement.execute(staff, {
    flexworkerId: other.id,
    relationId: relation.id,
    startDate: '2026-11-02',
    functionName: 'Glazenwasser',
    caoScheduleId: schedule.id,
  });

  const workerUser = await userWithLogin(t, staff, { displayName: 'Fatima', role: 'FLEXWORKER', flexworkerId: flexworker.id }, { prefix: 'fatima', domain: 'staff.example' });
  const workerToken = workerUser.token;
  const contactUser = await userWithLogin(t, staff, { displayName: 'Carla Kantoor', role: 'RELATION_CONTACT', relationId: relation.id }, { prefix: 'contact', domain: 'staff.example' });

  const workerActor: Actor = { kind: 'USER', id: workerUser.userId, role: 'FLEXWORKER', agencyId: agency.agencyId, flexworkerId: flexworker.id };
  const contactActor: Actor = { kind: 'USER', id: contactUser.userId, role: 'RELATION_CONTACT', agencyId: agency.agencyId, relationId: relation.id };
  const { week, approve } = workerWeeks(t, workerActor);

  const w46 = await week(placement.id, '2026-W46');
  const d46 = await approve(w46.id, [{ date: '2026-11-10', total: '8:00' }, { date: '2026-11-11', total: '9:00' }]);
  await s.week.approveDeclarations.execute(contactActor, { declarationIds: [d46.id] });
  const w47 = await week(placement.id, '2026-W47');
  await approve(w47.id, [{ date: '2026-11-17', total: '7:30' }]);
  const w48 = await week(placement.id, '2026-W48');
  await s.week.saveTimesheet.execute(workerActor, { timesheetId: w48.id, expectedVersion: w48.version, days: [{ date: '2026-11-23', total: '7:15' }] as never });
  const otherWeek = await s.week.getTimesheetForWeek.execute(staff, { placementId: otherPlacement.id, week: '2026-W48' });

  const request = 'mutation ($input: RequestPersonalDataChangeInput!) { requestPersonalDataChange(input: $input) { changeRequest { id } } }';
  const newPhone = '+31 6 1234 5678';
  const phone = await gqlData<{ requestPersonalDataChange: { changeRequest: { id: string } } }>(
    t,
    request,
    { input: { changes: { phone: newPhone }, note: 'Mijn nieuwe nummer.' } },
    workerToken,
  );
  const address = await gqlData<{ requestPersonalDataChange: { changeRequest: { id: string } } }>(
    t,
    request,
    { input: { changes: { address: { street: 'Damrak', houseNumber: '1', postalCode: '1012 LG', city: 'Amsterdam' } }, note: 'Ik ben op 1 november verhuisd.' } },
    workerToken,
  );

  const threadSubject = unique('Loonstrook week 47 ');
  const thread = await gqlData<{ startMessageThread: { thread: { id: string } } }>(
    t,
    'mutation ($input: StartMessageThreadInput!) { startMessageThread(input: $input) { thread { id } } }',
    { input: { subject: threadSubject, text: 'Hallo,\n\nop mijn loonstrook van week 47 mist de zaterdag.\nFatima' } },
    workerToken,
  );

  return {
    agencyId: agency.agencyId,
    planner: { email: planner.email, token: planner.token, name: planner.name },
    worker: { flexworkerId: flexworker.id, token: workerToken, fullName: `Fatima ${lastName}` },
    otherWorker: { flexworkerId: other.id, fullName: `Jan ${otherLastName}` },
    relation: { id: relation.id, name: relationName },
    weeks: { w46: w46.id, w47: w47.id, w48: w48.id, other: otherWeek.id },
    requests: { phone: phone.requestPersonalDataChange.changeRequest.id, address: address.requestPersonalDataChange.changeRequest.id },
    newPhone,
    threadId: thread.startMessageThread.thread.id,
    threadSubject,
  };
}
