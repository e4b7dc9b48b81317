import { Actor } from '../../src/application/shared/actor';
import { Declaration } from '../../src/domain/timesheet/declaration.entity';
import { createAgencyWithStaff, TEST_PASSWORD, TestAgency, TestApp, unique } from '../support/test-app';

/*
 * An agency for the payroll tests: workers placed at one relation with hours per hour code (H100,
 * OW150), their weeks approved by worker and relation through the use cases, and payroll API
 * clients. The clock of the app must stand after the weeks used (e.g. WED_W48_1000).
 */

export interface PayrollWorker {
  readonly flexworkerId: string;
  readonly placementId: string;
  /** Logs in with TEST_PASSWORD. */
  readonly email: string;
  readonly actor: Actor;
}

export interface PayrollClient {
  readonly apiKey: string;
  readonly actor: Actor;
}

export interface PayrollWorld {
  readonly agency: TestAgency;
  readonly relationId: string;
  readonly contact: Actor;
  readonly workers: PayrollWorker[];
  payrollClient(name?: string): Promise<PayrollClient>;
  /** The worker enters and approves the week, the relation approves it: the current declaration. */
  approveWeek(worker: PayrollWorker, week: string, days: readonly DayHours[]): Promise<Declaration>;
  /** Staff correct the week's current declaration. */
  correctWeek(timesheetId: string, days: readonly DayHours[]): Promise<Declaration>;
}

export interface DayHours {
  readonly date: string;
  readonly h100: string;
  readonly ow150?: string;
}

export async function payrollWorld(t: TestApp, workerCount = 2): Promise<PayrollWorld> {
  const s = t.app.services;
  const agency = await createAgencyWithStaff(t, unique('Payroll agency '));
  const staff = agency.staff;
  const relation = await s.organisation.createRelation.execute(staff, { name: unique('Bouwbedrijf ') });
  const contactUser = await s.identity.createUser.execute(staff, {
    email: `${unique('contact')}@payroll.example`,
    displayName: 'Carla Contact',
    role: 'RELATION_CONTACT',
    relationId: relation.id,
    password: TEST_PASSWORD,
  });
  const contact: Actor = { kind: 'USER', id: contactUser.id, role: 'RELATION_CONTACT', agencyId: agency.agencyId, relationId: relation.id };
  const workers: PayrollWorker[] = [];
  for (let i = 0; i < workerCount; i += 1) {
    const flexworker = await s.organisation.createFlexworker.execute(staff, { firstName: 'Worker', lastName: unique(`N${i}`), email: `${unique('w')}@payroll.example` });
    const placement = await s.organisation.createPlacement.execute(staff, {
      flexworkerId: flexworker.id,
      relationId: relation.id,
      startDate: '2026-09-07',
      functionName: 'Timmerman',
      hourCodes: [{ code: 'H100', percentage: 100 }, { code: 'OW150', percentage: 150 }],
    });
    const user = await s.identity.createUser.execute(staff, {
      email: `${unique('worker')}@payroll.example`,
      displayName: 'Worker',
      role: 'FLEXWORKER',
      flexworkerId: flexworker.id,
      password: TEST_PASSWORD,
    });
    workers.push({ flexworkerId: flexworker.id, placementId: placement.id, email: user.email, actor: { kind: 'USER', id: user.id, role: 'FLEXWORKER', agencyId: agency.agencyId, flexworkerId: flexworker.id } });
  }
  const steps = weekSteps(t, staff, contact, 'Correction for payroll test');
  return {
    agency,
    relationId: relation.id,
    contact,
    workers,
    async payrollClient(name = unique('Payroll ')) {
      const made = await s.identity.createApiClient.execute(staff, { name });
      return { apiKey: made.apiKey, actor: { kind: 'API_CLIENT', id: made.client.id, role: 'PAYROLL', agencyId: agency.agencyId } };
    },
    ...steps,
  };
}

/**
 * The week steps the payroll worlds take through the use cases: a worker's week approved by the
 * worker and then the relation, and staff's correction of a week's current declaration.
 */
export function weekSteps(t: TestApp, staff: Actor, contact: Actor, reason: string) {
  const s = t.app.services;
  const daysInput = (days: readonly DayHours[]) =>
    days.map((d) => ({ date: d.date, hours: [{ hourCode: 'H100', hours: d.h100 }, ...(d.ow150 ? [{ hourCode: 'OW150', hours: d.ow150 }] : [])] })) as never;
  return {
    async approveWeek(worker: { placementId: string; actor: Actor }, week: string, days: readonly DayHours[]): Promise<Declaration> {
      const sheet = await s.week.getTimesheetForWeek.execute(worker.actor, { placementId: worker.placementId, week });
      const approved = await s.week.approveTimesheet.execute(worker.actor, { timesheetId: sheet.id, expectedVersion: sheet.version, days: daysInput(days), confirm: true });
      const [decision] = await s.week.approveDeclarations.execute(contact, { declarationIds: [approved.declaration!.id] });
      return decision.declaration;
    },
    async correctWeek(timesheetId: string, days: readonly DayHours[]): Promise<Declaration> {
      const sheet = await s.week.getTimesheet.execute(staff, { id: timesheetId });
      const corrected = await s.week.correctDeclaration.execute(staff, { declarationId: sheet.currentDeclarationId!, expectedVersion: sheet.version, days: daysInput(days), reason });
      return corrected.declaration;
    },
  };
}
