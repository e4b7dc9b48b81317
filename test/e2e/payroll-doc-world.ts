import { Actor } from '../../src/application/shared/actor';
import { Declaration } from '../../src/domain/timesheet/declaration.entity';
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

export interface DocDay {
  readonly date: string;
  readonly h100: string;
  readonly ow150?: string;
}

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
  const daysInput = (days: readonly DocDay[]) =>
    days.map((d) => ({ date: d.date, hours: [{ hourCode: 'H100', hours: d.h100 }, ...(d.ow150 ? [{ hourCode: 'OW150', hours: d.ow150 }] : [])] })) as never;
  return {
    agency,
    relationId: relation.id,
    ana,
    ben,
    async approveWeek(w, week, days) {
      const sheet = await s.week.getTimesheetForWeek.execute(w.actor, { placementId: w.placementId, week });
      const approved = await s.week.approveTimesheet.execute(w.actor, { timesheetId: sheet.id, expectedVersion: sheet.version, days: daysInput(days), confirm: true });
      const [decision] = await s.week.approveDeclarations.execute(contact, { declarationIds: [approved.declaration!.id] });
      return decision.declaration;
    },
    async correctWeek(timesheetId, days) {
      const sheet = await s.week.getTimesheet.execute(staff, { id: timesheetId });
      const corrected = await s.week.correctDeclaration.execute(staff, {
        declarationId: sheet.currentDeclarationId!,
        expectedVersion: sheet.version,
        days: daysInput(days),
        reason: 'Monday was 9 hours, not 8',
      });
      return corrected.declaration;
    },
  };
}
