import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAgencyWithStaff, TestAgency, TestApp, unique } from '../../support/test-app';
import { userWithLogin } from './world-helpers';

/*
 * The world of the week screen's browser tests, built through the use cases: one agency with the
 * schoonmaak CAO schedule, one relation with a contact (Dutch), and three workers with a login:
 * Fatima on a placement with the schedule (day totals and times), Mihai on a placement with hour
 * codes filled in by hand, and Agnieszka on a placement where the relation enters the hours.
 * "Now" is Wednesday 25 November 2026, 10:00 in Amsterdam (week 48): last week is 2026-W47.
 */
export const NOW = new Date('2026-11-25T09:00:00.000Z');

const SCHOONMAAK = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'unravel', 'schoonmaak', 'schedule.json'), 'utf8')) as {
  versions: Record<string, unknown>[];
};

export interface WeekPerson {
  readonly userId: string;
  readonly email: string;
  readonly token: string;
  readonly name: string;
}

export interface WeekWorld {
  readonly agency: TestAgency;
  readonly relationName: string;
  readonly scheduleName: string;
  readonly placementId: string;
  readonly manualPlacementId: string;
  readonly relationPlacementId: string;
  readonly fatima: WeekPerson;
  readonly mihai: WeekPerson;
  readonly agnieszka: WeekPerson;
  readonly contact: WeekPerson;
}

export async function weekWorld(t: TestApp): Promise<WeekWorld> {
  const s = t.app.services;
  const agency = await createAgencyWithStaff(t, unique('Week agency '));
  const staff = agency.staff;
  const scheduleName = unique('Schoonmaak ');
  const schedule = await s.caoSchedules.createCaoSchedule.execute(staff, { name: scheduleName, versions: [SCHOONMAAK.versions[0]] });
  const relationName = unique('Kantoorschoonmaak Noord ');
  const relation = await s.organisation.createRelation.execute(staff, { name: relationName });

  const person = (input: { displayName: string; role: string; flexworkerId?: string; relationId?: string }): Promise<WeekPerson> =>
    userWithLogin(t, staff, input, { prefix: 'week', domain: 'week.example' });
  const worker = async (firstName: string, lastName: string) => {
    const flexworker = await s.organisation.createFlexworker.execute(staff, { firstName, lastName, email: `${unique('fw')}@week.example` });
    return flexworker.id;
  };

  const fatimaId = await worker('Fatima', 'El Amrani');
  const placement = await s.organisation.createPlacement.execute(staff, {
    flexworkerId: fatimaId,
    relationId: relation.id,
    startDate: '2026-11-02',
    functionName: 'Schoonmaker',
    caoScheduleId: schedule.id,
    allowedEntryModes: ['DAY_TOTAL', 'TIMES'],
    sendInvitations: false,
  });
  const mihaiId = await worker('Mihai', 'Popescu');
  const manualPlacement = await s.organisation.createPlacement.execute(staff, {
    flexworkerId: mihaiId,
    relationId: relation.id,
    startDate: '2026-11-02',
    functionName: 'Glazenwasser',
    hourCodes: [
      { code: 'H100', percentage: 100, label: 'Normale uren' },
      { code: 'H125', percentage: 125, label: 'Overwerk 125%' },
    ],
    sendInvitations: false,
  });
  const agnieszkaId = await worker('Agnieszka', 'Kowalska');
  const relationPlacement = await s.organisation.createPlacement.execute(staff, {
    flexworkerId: agnieszkaId,
    relationId: relation.id,
    startDate: '2026-11-09',
    functionName: 'Inpakker',
    caoScheduleId: schedule.id,
    hoursEnteredBy: 'RELATION',
    sendInvitations: false,
  });

  return {
    agency,
    relationName,
    scheduleName,
    placementId: placement.id,
    manualPlacementId: manualPlacement.id,
    relationPlacementId: relationPlacement.id,
    fatima: await person({ displayName: 'Fatima El Amrani', role: 'FLEXWORKER', flexworkerId: fatimaId }),
    mihai: await person({ displayName: 'Mihai Popescu', role: 'FLEXWORKER', flexworkerId: mihaiId }),
    agnieszka: await person({ displayName: 'Agnieszka Kowalska', role: 'FLEXWORKER', flexworkerId: agnieszkaId }),
    contact: await person({ displayName: 'Sanne de Vries', role: 'RELATION_CONTACT', relationId: relation.id }),
  };
}

/** The week's fields the tests check on the server. */
export const WEEK_QUERY = `query ($placementId: ID!, $week: IsoWeek!) {
  timesheetForWeek(placementId: $placementId, week: $week) {
    id week status version editable
    days { date mode total blocks { start end } breakDuration breaks { start end } hours { hourCode hours } workedHours }
    rejection { reason }
    currentDeclaration { id number origin status breakdown { workedHours totals { hourCode kind hours } } }
    declarations { id number status }
  }
}`;

export interface ServerWeek {
  readonly id: string;
  readonly week: string;
  readonly status: string;
  readonly version: number;
  readonly editable: boolean;
  readonly days: { date: string; mode: string; total: string | null; blocks: { start: string; end: string }[]; breakDuration: string | null; breaks: { start: string; end: string }[]; hours: { hourCode: string; hours: string }[]; workedHours: string }[];
  readonly rejection: { reason: string } | null;
  readonly currentDeclaration: { id: string; number: number; origin: string; status: string; breakdown: { workedHours: string; totals: { hourCode: string; kind: string; hours: string }[] } } | null;
  readonly declarations: { id: string; number: number; status: string }[];
}

/** The week as the server has it now, read with this person's token. */
export async function serverWeek(t: TestApp, token: string, placementId: string, week: string): Promise<ServerWeek> {
  const response = await t.gql<{ timesheetForWeek: ServerWeek }>(WEEK_QUERY, { placementId, week }, { token });
  if (!response.body.data?.timesheetForWeek) throw new Error(`timesheetForWeek failed: ${JSON.stringify(response.body.errors)}`);
  return response.body.data.timesheetForWeek;
}
