import { Actor } from '../../src/application/shared/actor';
import { Declaration } from '../../src/domain/timesheet/declaration.entity';
import { DayHours, weekSteps } from './payroll-world';
import { createAgencyWithStaff, TEST_PASSWORD, TestAgency, TestApp, unique } from '../support/test-app';

/*
 * The agency of docs/payroll.md's story, built through the use cases: one relation, two workers
 * placed there with hours per hour code (H100, OW150), Ana with a payroll number and a BSN that
 * payroll may read. Names are fixed (they show in the doc's lines); e-mail addresses are unique.
 */

export interface DocWorker {
  readonly flexworkerId: string;
  readonly placementId: string;
  readonly actor: Actor;
}

export type DocDay = DayHours;

export interface PayrollDocWorld {
  readonly agency: TestAgency;
  readonly relationId: string;
  readonly ana: DocWorker;
  readonly ben: DocWorker;
  /** The worker enters and approves the week, the relation's contact approves it. */
  approveWeek(worker: DocWorker, week: string, days: readonly DocDay[]): Promise<Declaration>;
  /** Staff correct the week's current declaration. */
  correctWeek(timesheetId: string, days: readonly DocDay[]): Promise<Declaration>;
}

export async function payrollDocWorld(t: TestApp): Promise<PayrollDocWorld> {
  const s = t.app.services;
  const agency = await createAgencyWithStaff(t, 'U-Boss uitzendbureau');
  const staff = agency.staff;
  await s.organisation.updateAgencySettings.execute(staff, { payrollReadsBsn: true });
  const relation = await s.organisation.createRelation.execute(staff, { name: 'Bouwbedrijf De Toren B.V.' });
  const contactUser = await s.identity.createUser.execute(staff, {
    email: `${unique('contact')}@detoren.example`,
    displayName: 'Carla de Toren',
    role: 'RELATION_CONTACT',
    relationId: relation.id,
    password: TEST_PASSWORD,
  });
  const contact: Actor = { kind: 'USER', id: contactUser.id, role: 'RELATION_CONTACT', agencyId: agency.agencyId, relationId: relation.id };

  async function worker(firstName: string, lastName: string, payroll?: { payrollNumber: string; bsn: string }): Promise<DocWorker> {
    const flexworker = await s.organisation.createFlexworker.execute(staff, { firstName, lastName, email: `${unique(firstName.toLowerCase())}@example.com` });
    if (payroll) await s.organisation.updateFlexworker.execute(staff, { id: flexworker.id, ...payroll });
    const placement = await s.organisation.createPlacement.execute(staff, {
      flexworkerId: flexworker.id,
      relationId: relation.id,
      startDate: '2026-09-07',
      functionName: 'Timmerman',
      hourCodes: [{ code: 'H100', percentage: 100 }, { code: 'OW150', percentage: 150 }],
    });
    await s.organisation.updatePlacement.execute(staff, { id: placement.id, costCentre: 'KP-300', purchaseOrderReference: 'PO 2026/118' });
    const user = await s.identity.createUser.execute(staff, {
      email: `${unique(firstName.toLowerCase())}@example.com`,
      displayName: firstName,
      role: 'FLEXWORKER',
      flexworkerId: flexworker.id,
      password: TEST_PASSWORD,
    });
    return { flexworkerId: flexworker.id, placementId: placement.id, actor: { kind: 'USER', id: user.id, role: 'FLEXWORKER', agencyId: agency.agencyId, flexworkerId: flexworker.id } };
  }

  const ana = await worker('Ana', 'Jansen', { payrollNumber: 'P-0042', bsn: '111222333' });
  const ben = await worker('Ben', 'de Vries');
  return {
    agency,
    relationId: relation.id,
    ana,
    ben,
    ...weekSteps(t, staff, contact, 'Monday was 9 hours, not 8'),
  };
}
