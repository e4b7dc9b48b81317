import type { DayEntryInput } from '../../domain/timesheet/week-entries';
import schoonmaakSchedule from './schoonmaak-schedule.json';

/** The demo agency's people, placements and past weeks (fictional; BSNs and IBANs pass their checks). */
export const DEMO_AGENCY_ID = '0d3e0000-0000-4000-8000-000000000001';
export const DEMO_STAFF_ID = '0d3e0000-0000-4000-8000-000000000002';

/**
 * The CAO unravel schedule of the cleaning placement: a copy of the golden fixture
 * test/fixtures/unravel/schoonmaak/schedule.json (a unit test keeps the two identical).
 */
export const DEMO_SCHEDULE = schoonmaakSchedule;

export const DEMO_DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type DemoDay = (typeof DEMO_DAYS)[number];

/**
 * When a step of a week happened, on the agency's wall clock: a weekday and a time of the
 * worked week itself, or with `+1 ` of the week after it (`'+1 TUE 14:10'`).
 */
export type DemoMoment = `${'' | '+1 '}${DemoDay} ${string}`;

/** The days of a week as a client sends them, without the date (the weekday gives it). */
export type DemoWeekDays = Partial<Record<DemoDay, Omit<DayEntryInput, 'date'>>>;

/**
 * What happens to a week, in order, through the real use cases: SAVE ("Alleen opslaan") and
 * APPROVE ("Opslaan + Accorderen") by whoever enters the hours, the relation contact's decision,
 * and a correction by agency staff.
 */
export type DemoStep =
  | { readonly do: 'SAVE' | 'APPROVE' | 'RELATION_APPROVES'; readonly at: DemoMoment }
  | { readonly do: 'RELATION_REJECTS'; readonly at: DemoMoment; readonly reason: string }
  | { readonly do: 'STAFF_CORRECTS'; readonly at: DemoMoment; readonly reason: string; readonly days: DemoWeekDays };

export interface DemoWeek {
  /** 1 is the week before the one the demo is created in. */
  readonly weeksAgo: number;
  readonly days: DemoWeekDays;
  readonly steps: readonly DemoStep[];
}

const bakery = (h100: string, ow125?: string) => ({
  hours: [{ hourCode: 'H100', hours: h100 }, ...(ow125 ? [{ hourCode: 'OW125', hours: ow125 }] : [])],
});
const code = (hourCode: string, hours: string) => ({ hours: [{ hourCode, hours }] });
const NIGHT = { blocks: [{ start: '22:00', end: '06:00' }], breakDuration: '0:30' };
const LONG_NIGHT = { blocks: [{ start: '22:00', end: '07:30' }], breakDuration: '0:30' };
const EVENING = { blocks: [{ start: '17:30', end: '22:00' }] };
const SUNDAY = { blocks: [{ start: '07:00', end: '13:00' }] };
const CLEANING_WEEK: DemoWeekDays = { MON: NIGHT, TUE: NIGHT, WED: NIGHT, FRI: EVENING, SUN: SUNDAY };

/** Approved; rejected by the bakery and not fixed yet; waiting for the bakery; last week still empty. */
const JAN_WEEKS: readonly DemoWeek[] = [
  {
    weeksAgo: 4,
    days: { MON: bakery('8:00'), TUE: bakery('8:00'), WED: bakery('8:00'), THU: bakery('8:00'), FRI: bakery('8:00', '1:30') },
    steps: [{ do: 'APPROVE', at: 'FRI 16:30' }, { do: 'RELATION_APPROVES', at: '+1 MON 10:00' }],
  },
  {
    weeksAgo: 3,
    days: { MON: bakery('8:00'), TUE: bakery('8:00'), WED: bakery('8:00'), THU: bakery('8:00', '2:00'), FRI: bakery('7:00') },
    steps: [
      { do: 'APPROVE', at: 'FRI 15:45' },
      {
        do: 'RELATION_REJECTS',
        at: '+1 MON 09:30',
        reason: 'Op donderdag staan 2 uur overwerk, maar volgens het rooster was je om 15:00 klaar. Wil je dat nakijken en opnieuw accorderen?',
      },
    ],
  },
  {
    weeksAgo: 2,
    days: { MON: bakery('8:00'), TUE: bakery('8:00', '1:00'), WED: bakery('8:00'), THU: bakery('8:00'), FRI: bakery('6:00') },
    steps: [{ do: 'APPROVE', at: 'FRI 14:20' }],
  },
];

/** Night shifts, a Friday evening and a Sunday on the schoonmaak CAO: ORT and overtime in every preview. */
const ANA_WEEKS: readonly DemoWeek[] = [
  {
    weeksAgo: 4,
    days: CLEANING_WEEK,
    // The relation approves after the Monday 12:00 deadline: paid a pay date later.
    steps: [{ do: 'APPROVE', at: '+1 TUE 14:10' }, { do: 'RELATION_APPROVES', at: '+1 WED 09:30' }],
  },
  {
    weeksAgo: 3,
    days: CLEANING_WEEK,
    steps: [
      { do: 'APPROVE', at: '+1 MON 08:30' },
      // Before the Monday 12:00 deadline: the relation's approval is the one that counts.
      { do: 'RELATION_APPROVES', at: '+1 MON 10:30' },
      {
        do: 'STAFF_CORRECTS',
        at: '+1 WED 11:15',
        reason: 'Volgens de prikklok van Glansrijk eindigde de zondagdienst om 14:00, niet om 13:00.',
        days: { ...CLEANING_WEEK, SUN: { blocks: [{ start: '07:00', end: '14:00' }] } },
      },
    ],
  },
  {
    weeksAgo: 2,
    days: { ...CLEANING_WEEK, TUE: LONG_NIGHT },
    steps: [{ do: 'APPROVE', at: '+1 MON 08:45' }],
  },
  {
    weeksAgo: 1,
    days: { MON: NIGHT, TUE: NIGHT, WED: NIGHT },
    steps: [{ do: 'SAVE', at: 'THU 09:00' }],
  },
];

/** The relation enters and approves in one step; last week is still to be entered by the team leader. */
const AGNIESZKA_WEEKS: readonly DemoWeek[] = [
  {
    weeksAgo: 3,
    days: { MON: code('H100', '8:00'), TUE: code('H100', '8:00'), WED: code('H100', '8:00'), THU: code('H100', '8:00'), FRI: code('H100', '8:00') },
    steps: [{ do: 'APPROVE', at: '+1 MON 09:00' }],
  },
  {
    weeksAgo: 2,
    days: { MON: code('H100', '8:00'), TUE: code('H100', '8:00'), WED: code('H100', '8:00'), THU: code('H100', '8:00'), FRI: code('H100', '7:30') },
    steps: [{ do: 'APPROVE', at: '+1 MON 09:05' }],
  },
];

/** Approved; a draft never approved; last week waiting for the team leader. */
const MIHAI_WEEKS: readonly DemoWeek[] = [
  {
    weeksAgo: 3,
    days: { MON: code('H100', '8:00'), TUE: code('H100', '8:00'), WED: code('H100', '8:00'), THU: code('H100', '8:00'), SAT: code('ORT150', '6:00') },
    steps: [{ do: 'APPROVE', at: 'SAT 17:00' }, { do: 'RELATION_APPROVES', at: '+1 MON 11:00' }],
  },
  {
    weeksAgo: 2,
    days: { MON: code('H100', '8:00'), TUE: code('H100', '8:00'), WED: code('H100', '8:00'), THU: code('H100', '8:00') },
    steps: [{ do: 'SAVE', at: 'THU 18:00' }],
  },
  {
    weeksAgo: 1,
    days: { TUE: code('H100', '8:00'), WED: code('H100', '8:00'), THU: code('H100', '8:00'), FRI: code('H100', '8:00'), SUN: code('ORT200', '5:00') },
    steps: [{ do: 'APPROVE', at: 'SUN 19:30' }],
  },
];

export const DEMO = {
  agencyName: 'U-Boss uitzendbureau',
  staff: { email: 'planner@uboss.example', displayName: 'Sanne de Vries' },
  relations: [
    {
      relation: { name: 'Bakkerij De Gouden Korrel', chamberOfCommerceNumber: '12345678', contactEmail: 'info@goudenkorrel.example' },
      contact: { email: 'inkoop@goudenkorrel.example', displayName: 'Pieter Bakker', language: 'nl' },
    },
    {
      relation: { name: 'Logistiek Centrum Noord', chamberOfCommerceNumber: '87654321', contactPhone: '+31 50 123 4567' },
      contact: { email: 'teamleider@lcnoord.example', displayName: 'Fatima El Amrani', language: 'nl' },
    },
    {
      relation: { name: 'Glansrijk Schoonmaakdiensten', chamberOfCommerceNumber: '24681357', contactEmail: 'info@glansrijk.example' },
      contact: { email: 'planning@glansrijk.example', displayName: 'Ingrid Mulder', language: 'nl' },
    },
  ],
  workers: [
    {
      worker: {
        firstName: 'Jan', lastName: 'Jansen', email: 'jan.jansen@example.com', language: 'nl', phone: '+31 6 1234 5678',
        dateOfBirth: '1990-04-12', bsn: '111222333', iban: 'NL91ABNA0417164300',
        address: { street: 'Dorpsstraat', houseNumber: '12', postalCode: '9711 AB', city: 'Groningen' },
      },
      relationIndex: 0,
      placement: {
        startWeeksAgo: 4, functionName: 'Productiemedewerker', contractHoursPerWeek: '38:00',
        allowedEntryModes: ['DAY_TOTAL', 'TIMES'], hoursEnteredBy: 'FLEXWORKER', sendInvitations: true, sendReminders: true,
        hourCodes: [
          { code: 'H100', percentage: 100, label: 'Normale uren' },
          { code: 'OW125', percentage: 125, label: 'Overwerk 125 %' },
          { code: 'OW150', percentage: 150, label: 'Overwerk 150 %' },
        ],
      },
      weeks: JAN_WEEKS,
    },
    {
      worker: {
        firstName: 'Ana', lastName: 'Ferreira', email: 'ana.ferreira@example.com', language: 'en', phone: '+31 6 2345 6789',
        dateOfBirth: '1993-07-08', bsn: '246813581', iban: 'NL44RABO0123456789',
        address: { street: 'Oosterstraat', houseNumber: '5A', postalCode: '9711 NN', city: 'Groningen' },
      },
      relationIndex: 2,
      placement: {
        startWeeksAgo: 4, functionName: 'Schoonmaker nachtploeg', contractHoursPerWeek: '32:00',
        allowedEntryModes: ['TIMES', 'DAY_TOTAL'], hoursEnteredBy: 'FLEXWORKER', sendInvitations: true, sendReminders: true,
        caoSchedule: true,
      },
      weeks: ANA_WEEKS,
    },
    {
      worker: {
        firstName: 'Agnieszka', lastName: 'Kowalska', email: 'agnieszka.kowalska@example.com', language: 'pl',
        dateOfBirth: '1995-09-30', bsn: '123456782', iban: 'NL02ABNA0123456789',
      },
      relationIndex: 1,
      placement: {
        startWeeksAgo: 3, functionName: 'Orderpicker', contractHoursPerWeek: '40:00', costCentre: 'DC-NOORD',
        allowedEntryModes: ['TIMES'], hoursEnteredBy: 'RELATION', sendInvitations: false, sendReminders: false,
        hourCodes: [{ code: 'H100', percentage: 100, label: 'Normale uren' }],
      },
      weeks: AGNIESZKA_WEEKS,
    },
    {
      worker: {
        firstName: 'Mihai', lastName: 'Popescu', email: 'mihai.popescu@example.com', language: 'ro',
        dateOfBirth: '1988-01-20', bsn: '999999990',
      },
      relationIndex: 1,
      placement: {
        startWeeksAgo: 3, functionName: 'Heftruckchauffeur', contractHoursPerWeek: '32:00',
        allowedEntryModes: ['DAY_TOTAL'], hoursEnteredBy: 'FLEXWORKER', sendInvitations: true, sendReminders: false,
        hourCodes: [
          { code: 'H100', percentage: 100, label: 'Normale uren' },
          { code: 'ORT150', percentage: 150, label: 'Zaterdaguren' },
          { code: 'ORT200', percentage: 200, label: 'Zon- en feestdaguren' },
        ],
      },
      weeks: MIHAI_WEEKS,
    },
  ],
} as const;

export const DEMO_LOGINS = {
  password: 'flexportal-demo',
  users: [
    { role: 'FLEXWORKER', email: DEMO.workers[0].worker.email },
    { role: 'FLEXWORKER', email: DEMO.workers[1].worker.email },
    { role: 'FLEXWORKER', email: DEMO.workers[3].worker.email },
    { role: 'FLEXWORKER', email: DEMO.workers[2].worker.email },
    { role: 'AGENCY_STAFF', email: DEMO.staff.email },
    { role: 'RELATION_CONTACT', email: DEMO.relations[0].contact.email },
    { role: 'RELATION_CONTACT', email: DEMO.relations[1].contact.email },
    { role: 'RELATION_CONTACT', email: DEMO.relations[2].contact.email },
  ],
} as const;
