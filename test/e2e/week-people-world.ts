import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Actor } from '../../src/application/shared/actor';
import { createAgencyWithStaff, login, TestAgency, TestApp, TEST_PASSWORD, unique } from '../support/test-app';

/*
 * A small real world for the suites of issue 9 (persons, totals per kind, labels, the cache walk),
 * built through the use cases so that it does not depend on the shape of the mutations: one agency
 * with the schoonmaak schedule (a second version from W47 on, one rule changed), a relation with two contacts (one
 * reads Dutch), a worker, and three weeks: W46 approved by the relation, W47 rejected once,
 * approved again, approved by the relation and corrected by staff, W48 a saved draft.
 */

const SCHOONMAAK = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'unravel', 'schoonmaak', 'schedule.json'), 'utf8')) as {
  versions: Record<string, unknown>[];
};

/** The week of docs/api.md's story: a night shift, a long Wednesday and Thursday (overtime), a Sunday (ORT). */
export const W47_DAYS = [
  { date: '2026-11-16', blocks: [{ start: '22:00', end: '06:00' }], breakDuration: '0:30' },
  { date: '2026-11-18', total: '8:30' },
  { date: '2026-11-19', blocks: [{ start: '06:00', end: '10:00' }, { start: '17:00', end: '21:30' }], breaks: [{ start: '08:00', end: '08:15' }] },
  { date: '2026-11-22', blocks: [{ start: '08:00', end: '13:00' }] },
];

/**
 * The second version differs from the first in a rule no week of the world uses (early Saturday
 * 30 % instead of 25 %): the same rule id with other values in two versions.
 */
function secondVersionWindows(base: Record<string, unknown>): unknown[] {
  return (base.ortWindows as Record<string, unknown>[]).map((w) => (w.id === 'zaterdag-vroeg' ? { ...w, percentage: 30 } : w));
}

export interface PeopleWorld {
  readonly agency: TestAgency;
  readonly scheduleId: string;
  readonly placementId: string;
  readonly manualPlacementId: string;
  readonly flexworkerId: string;
  readonly relationId: string;
  readonly worker: { readonly userId: string; readonly token: string; readonly name: string };
  readonly contact: { readonly userId: string; readonly token: string; readonly name: string };
  readonly dutchContact: { readonly userId: string; readonly token: string; readonly name: string };
  readonly staff: { readonly userId: string; readonly token: string };
  readonly weeks: { readonly w46: string; readonly w47: string; readonly w48: string; readonly manual: string };
}

async function userWithLogin(t: TestApp, staff: Actor, input: { displayName: string; role: string; language?: string; flexworkerId?: string; relationId?: string }) {
  const email = `${unique('person')}@people.example`;
  const user = await t.app.services.identity.createUser.execute(staff, { ...input, email, password: TEST_PASSWORD });
  return { userId: user.id, token: await login(t, email, TEST_PASSWORD), name: input.displayName };
}

export async function peopleWorld(t: TestApp): Promise<PeopleWorld> {
  const s = t.app.services;
  const agency = await createAgencyWithStaff(t, unique('People agency '));
  const staff = agency.staff;
  const base = SCHOONMAAK.versions[0];
  const schedule = await s.caoSchedules.createCaoSchedule.execute(staff, { name: unique('Schoonmaak '), versions: [base] });
  await s.caoSchedules.addCaoScheduleVersion.execute(staff, { scheduleId: schedule.id, expectedVersion: 1, version: { ...base, validFrom: '2026-11-16', ortWindows: secondVersionWindows(base) } });
  const relation = await s.organisation.createRelation.execute(staff, { name: unique('Kantoor ') });
  const flexworker = await s.organisation.createFlexworker.execute(staff, { firstName: 'Fatima', lastName: unique('Bakker'), email: `${unique('w')}@people.example` });
  const placement = await s.organisation.createPlacement.execute(staff, {
    flexworkerId: flexworker.id,
    relationId: relation.id,
    startDate: '2026-11-02',
    functionName: 'Cleaner',
    caoScheduleId: schedule.id,
  });
  const manualPlacement = await s.organisation.createPlacement.execute(staff, {
    flexworkerId: flexworker.id,
    relationId: relation.id,
    startDate: '2026-11-02',
    functionName: 'Window cleaner',
    hourCodes: [{ code: 'H100', percentage: 100, label: 'Glazenwassen' }, { code: 'OW150', percentage: 150 }],
  });
  const worker = await userWithLogin(t, staff, { displayName: 'Fatima Bakker', role: 'FLEXWORKER', flexworkerId: flexworker.id });
  const contact = await userWithLogin(t, staff, { displayName: 'Carla Kantoor', role: 'RELATION_CONTACT', relationId: relation.id, language: 'en' });
  const dutchContact = await userWithLogin(t, staff, { displayName: 'Dirk Kantoor', role: 'RELATION_CONTACT', relationId: relation.id, language: 'nl' });

  const workerActor: Actor = { kind: 'USER', id: worker.userId, role: 'FLEXWORKER', agencyId: agency.agencyId, flexworkerId: flexworker.id };
  const contactActor: Actor = { kind: 'USER', id: contact.userId, role: 'RELATION_CONTACT', agencyId: agency.agencyId, relationId: relation.id };
  const week = (placementId: string, w: string) => s.week.getTimesheetForWeek.execute(workerActor, { placementId, week: w });
  const approve = async (id: string, days: object[]) => {
    const { version } = await s.week.getTimesheet.execute(workerActor, { id });
    return (await s.week.approveTimesheet.execute(workerActor, { timesheetId: id, expectedVersion: version, days: days as never, confirm: true })).declaration!;
  };

  const w46 = await week(placement.id, '2026-W46');
  const d46 = await approve(w46.id, [{ date: '2026-11-10', total: '8:00' }, { date: '2026-11-11', total: '9:00' }]);
  await s.week.approveDeclarations.execute(contactActor, { declarationIds: [d46.id] });

  const w47 = await week(placement.id, '2026-W47');
  const first = await approve(w47.id, [{ date: '2026-11-18', total: '8:00' }]);
  await s.week.rejectDeclaration.execute(contactActor, { declarationId: first.id, reason: 'Sunday is missing' });
  const second = await approve(w47.id, W47_DAYS);
  await s.week.approveDeclarations.execute(contactActor, { declarationIds: [second.id] });
  const { version } = await s.week.getTimesheet.execute(staff, { id: w47.id });
  const corrected = W47_DAYS.map((d) => (d.date === '2026-11-18' ? { date: d.date, total: '9:00' } : d));
  await s.week.correctDeclaration.execute(staff, { declarationId: second.id, expectedVersion: version, days: corrected as never, reason: 'Half an hour more on Wednesday' });

  const w48 = await week(placement.id, '2026-W48');
  await s.week.saveTimesheet.execute(workerActor, { timesheetId: w48.id, expectedVersion: w48.version, days: [{ date: '2026-11-23', total: '7:15' }] as never });

  const manual = await week(manualPlacement.id, '2026-W47');
  await approve(manual.id, [{ date: '2026-11-17', hours: [{ hourCode: 'H100', hours: '8:00' }, { hourCode: 'OW150', hours: '1:00' }] }]);

  // Payroll takes the approved weeks (W46, W47's correction) into an export it has not confirmed yet.
  const payroll = await s.identity.createApiClient.execute(staff, { name: 'People payroll' });
  const payrollActor: Actor = { kind: 'API_CLIENT', id: payroll.client.id, role: 'PAYROLL', agencyId: agency.agencyId };
  await s.payroll.createPayrollExport.execute(payrollActor, { idempotencyKey: 'people-run-1' });

  return {
    agency,
    scheduleId: schedule.id,
    placementId: placement.id,
    manualPlacementId: manualPlacement.id,
    flexworkerId: flexworker.id,
    relationId: relation.id,
    worker,
    contact,
    dutchContact,
    staff: { userId: staff.id, token: agency.staffToken },
    weeks: { w46: w46.id, w47: w47.id, w48: w48.id, manual: manual.id },
  };
}
