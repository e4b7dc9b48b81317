import { DateTime } from 'luxon';
import { Actor } from '../../../src/application/shared/actor';
import { makePdf, payslipPath, annualPath, put } from '../../e2e/document-helpers';
import { putBeforeWorker } from '../../e2e/signing-helpers';
import { createAgencyWithStaff, TestAgency, TestApp, unique } from '../../support/test-app';
import { userWithLogin, workerWeeks } from './world-helpers';

/*
 * The world of the worker's tabs in the browser (test/browser/worker-tabs.test.ts), built through
 * the services and the payroll/upload routes as the e2e suites do: an agency with every tab and
 * its contact details, a worker with a login (Dutch, BSN and IBAN known), last week approved by
 * the relation, a payslip and an annual statement uploaded as payroll sends them, a document to
 * sign; and a second agency that switched the payslips and documents tabs off.
 */

export interface TabsWorld {
  readonly agency: TestAgency;
  readonly flexworkerId: string;
  readonly worker: { readonly email: string; readonly token: string; readonly name: string };
  readonly week: { readonly id: string; readonly week: string; readonly number: number };
  readonly payslip: { readonly bytes: Buffer; readonly periodStart: string; readonly periodEnd: string };
  readonly annualBytes: Buffer;
  readonly signingRequestId: string;
  readonly signingTitle: string;
  /** A second document, to decline. */
  readonly declineRequest: { readonly id: string; readonly title: string };
  readonly contactEmail: string;
  /** A contact of the relation, who writes to the agency through the same contact screens. */
  readonly relationContact: { readonly email: string };
}

export interface LimitedWorld {
  readonly agency: TestAgency;
  readonly worker: { readonly email: string; readonly token: string };
}

function workerWithLogin(t: TestApp, agency: TestAgency, flexworkerId: string, displayName: string) {
  return userWithLogin(t, agency.staff, { displayName, role: 'FLEXWORKER', flexworkerId }, { prefix: 'tabs-worker', domain: 'tabs.example' });
}

export async function tabsWorld(t: TestApp): Promise<TabsWorld> {
  const s = t.app.services;
  const agency = await createAgencyWithStaff(t, unique('Tabs agency '));
  const staff = agency.staff;
  const contactEmail = `${unique('planning')}@tabs.example`;
  await s.organisation.updateAgencySettings.execute(staff, { contactEmail, contactPhone: '+31 20 123 4567' });
  const relation = await s.organisation.createRelation.execute(staff, { name: unique('Bakkerij ') });

  // Last ISO week on the server's clock: approved by the relation now, so the tab shows it.
  const lastWeek = DateTime.fromJSDate(t.clock.now(), { zone: 'Europe/Amsterdam' }).minus({ weeks: 1 }).startOf('week');
  const week = lastWeek.toFormat("kkkk-'W'WW");
  const flexworker = await s.organisation.createFlexworker.execute(staff, {
    firstName: 'Sanne',
    lastName: unique('Visser'),
    email: `${unique('w')}@tabs.example`,
    phone: '+31 6 1000 0000',
    bsn: '111222333',
    iban: 'NL91ABNA0417164300',
  });
  const placement = await s.organisation.createPlacement.execute(staff, {
    flexworkerId: flexworker.id,
    relationId: relation.id,
    startDate: lastWeek.minus({ weeks: 4 }).toISODate()!,
    functionName: 'Baker',
    hourCodes: [
      { code: 'H100', percentage: 100, label: 'Bakken' },
      { code: 'OW150', percentage: 150, label: 'Overwerk' },
    ],
  });
  const worker = await workerWithLogin(t, agency, flexworker.id, 'Sanne Visser');
  const contactUser = await userWithLogin(t, staff, { displayName: 'Carla Bakkerij', role: 'RELATION_CONTACT', relationId: relation.id }, { prefix: 'contact', domain: 'tabs.example' });
  const relationContactEmail = contactUser.email;

  const workerActor: Actor = { kind: 'USER', id: worker.userId, role: 'FLEXWORKER', agencyId: agency.agencyId, flexworkerId: flexworker.id };
  const contactActor: Actor = { kind: 'USER', id: contactUser.userId, role: 'RELATION_CONTACT', agencyId: agency.agencyId, relationId: relation.id };
  const weeks = workerWeeks(t, workerActor);
  const timesheet = await weeks.week(placement.id, week);
  const days = [
    { date: lastWeek.toISODate()!, hours: [{ hourCode: 'H100', hours: '8:00' }] },
    { date: lastWeek.plus({ days: 1 }).toISODate()!, hours: [{ hourCode: 'H100', hours: '8:00' }, { hourCode: 'OW150', hours: '1:30' }] },
  ];
  const approved = await weeks.approve(timesheet.id, days);
  await s.week.approveDeclarations.execute(contactActor, { declarationIds: [approved.id] });

  // Payroll's documents (a staff login may upload them too).
  const period = { start: lastWeek.toISODate()!, end: lastWeek.plus({ days: 6 }).toISODate()!, pay: lastWeek.plus({ days: 9 }).toISODate()! };
  const payslipBytes = await makePdf(unique('Loonstrook '));
  const uploaded = await put(t, payslipPath(flexworker.id, period), payslipBytes, { token: agency.staffToken });
  if (uploaded.status !== 201) throw new Error(`payslip upload: ${uploaded.status} ${JSON.stringify(uploaded.json)}`);
  const annualBytes = await makePdf(unique('Jaaropgave '));
  const annual = await put(t, annualPath(flexworker.id, lastWeek.year - 1), annualBytes, { token: agency.staffToken });
  if (annual.status !== 201) throw new Error(`annual statement upload: ${annual.status} ${JSON.stringify(annual.json)}`);

  const signingTitle = unique('Arbeidsovereenkomst Bakkerij ');
  const signingRequestId = await putBeforeWorker(t, agency.staffToken, flexworker.id, signingTitle, { placementId: placement.id });

  const declineTitle = unique('Huisregels ');
  const declineId = await putBeforeWorker(t, agency.staffToken, flexworker.id, declineTitle);

  return {
    agency,
    declineRequest: { id: declineId, title: declineTitle },
    flexworkerId: flexworker.id,
    worker: { email: worker.email, token: worker.token, name: worker.name },
    week: { id: timesheet.id, week, number: lastWeek.weekNumber },
    payslip: { bytes: payslipBytes, periodStart: period.start, periodEnd: period.end },
    annualBytes,
    signingRequestId,
    signingTitle,
    contactEmail,
    relationContact: { email: relationContactEmail },
  };
}

/** An agency that shows only the declaration status and contact tabs, with a worker who logs in. */
export async function limitedWorld(t: TestApp): Promise<LimitedWorld> {
  const s = t.app.services;
  const agency = await createAgencyWithStaff(t, unique('Limited agency '));
  await s.organisation.updateAgencySettings.execute(agency.staff, { enabledTabs: ['DECLARATION_STATUS', 'CONTACT'] });
  const flexworker = await s.organisation.createFlexworker.execute(agency.staff, { firstName: 'Piet', lastName: unique('Jansen'), email: `${unique('w')}@limited.example` });
  const worker = await workerWithLogin(t, agency, flexworker.id, 'Piet Jansen');
  return { agency, worker: { email: worker.email, token: worker.token } };
}
