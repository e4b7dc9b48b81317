import { createExport } from './payroll-helpers';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { buildSchemaForPrinting } from '../../src/composition-root';
import { CONSENT_VERSION } from '../../src/application/signing/consent';
import { createAgencyWithStaff, GqlResponse, login, TestApp, TEST_PASSWORD, unique } from '../support/test-app';
import { createFlexworker, createPlacement, createRelation, createUser, dataOf } from './e2e-helpers';
import { approveWeek, createSchoonmaakSchedule, timesheetForWeek, weekWorld } from './week-helpers';
import { putBeforeWorker, uploadPdf } from './signing-helpers';

/*
 * What the schema-driven suites (mutation-fuzz.test.ts, text-input.test.ts) need: every mutation
 * of the executable schema, who may call it, a valid input for it in a small world, and a way to
 * send any arguments to it. A mutation without a plan here fails those suites by name.
 */

export type Caller = 'anonymous' | 'staff' | 'worker' | 'caoWorker' | 'contact' | 'payroll' | 'settingsStaff' | 'passwordUser' | 'freshSession';

export interface FuzzWorld {
  readonly staffEmail: string;
  readonly agencyId: string;
  readonly tokens: Record<Exclude<Caller, 'anonymous' | 'freshSession'>, string>;
  /** The login whose password changeMyPassword changes; kept up to date by the suites. */
  readonly passwordUser: { email: string; password: string };
  readonly freshSessionEmail: string;
  readonly ids: {
    readonly relation: string;
    readonly worker: string;
    readonly placement: string;
    readonly caoPlacement: string;
    readonly schedule: string;
    readonly manualWeek: string;
    readonly caoWeek: string;
    /** Submitted declarations, one for each decision, so that one decision leaves the others possible. */
    readonly toApprove: string;
    readonly toReject: string;
    /** The week corrected, and its current declaration (a correction makes a new one). */
    readonly correctionWeek: string;
    toCorrect: string;
    readonly apiClient: string;
    readonly unlinkedWorker: string;
    /** Invited contacts (no password): one whose invitation is re-sent, one whose invitation is revoked. */
    readonly invitee: string;
    readonly inviteeToRevoke: string;
    /** Payroll exports, one to confirm and one to cancel (each retry-safe). */
    readonly exportToConfirm: string;
    readonly exportToCancel: string;
    /** Open change requests of the CAO worker, one for each decision. */
    readonly changeRequestToApprove: string;
    readonly changeRequestToReject: string;
    /** A conversation of the worker with the agency, and one for staff to close. */
    readonly messageThread: string;
    readonly messageThreadToClose: string;
    /** Documents to sign of the CAO worker (PENDING), one for each step; staff's PDFs uploaded for createSigningRequest and verifySignedDocument. */
    readonly signingToSign: string;
    readonly signingToDecline: string;
    readonly signingToWithdraw: string;
    readonly uploadToPut: string;
    readonly uploadToVerify: string;
  };
  readonly versions: { manualWeek: number; caoWeek: number; correctionWeek: number; schedule: number };
  /** Every id of the world but the payroll key's (a fuzzed revokeApiClient may not end the caller). */
  readonly idPool: readonly string[];
}

export interface MutationPlan {
  readonly caller: Caller;
  /** A valid set of arguments in the world (before the suites change it). */
  readonly args: (w: FuzzWorld) => Record<string, unknown>;
  /** Runs last: it can take the world's objects out of play (an ended placement, a revoked key). */
  readonly late?: boolean;
  /** Reads back what a successful call changed (a version), so that later calls are not merely stale. */
  readonly refresh?: (t: TestApp, w: FuzzWorld) => Promise<void>;
}

async function weekState(t: TestApp, w: FuzzWorld, id: string): Promise<{ version: number; currentDeclarationId: string }> {
  const query = 'query ($id: ID!) { timesheet(id: $id) { version currentDeclarationId } }';
  return dataOf(await t.gql<{ timesheet: { version: number; currentDeclarationId: string } }>(query, { id }, { token: w.tokens.staff })).timesheet;
}

async function scheduleVersion(t: TestApp, w: FuzzWorld): Promise<number> {
  const query = 'query ($id: ID!) { caoUnravelSchedule(id: $id) { version } }';
  return dataOf(await t.gql<{ caoUnravelSchedule: { version: number } }>(query, { id: w.ids.schedule }, { token: w.tokens.staff })).caoUnravelSchedule.version;
}

const MANUAL_DAY = { date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '8:00' }] };
const CAO_DAYS = [
  { date: '2026-11-23', blocks: [{ start: '08:00', end: '16:30' }], breakDuration: '0:30' },
  { date: '2026-11-24', blocks: [{ start: '08:00', end: '16:30' }], breaks: [{ start: '12:00', end: '12:30' }] },
  { date: '2026-11-25', total: '7:45' },
];
const SCHEDULE_VERSION = {
  validFrom: '2027-01-01',
  hourCodes: { normal: 'U100', extra: 'U100' },
  breakPlacement: { mode: 'AFTER_WORKED', after: '4:00' },
  holidays: { nationalDays: ['NEW_YEARS_DAY'], liberationDay: 'EVERY_YEAR', countOnWeekend: true, extraDays: ['12-31'] },
  ortWindows: [
    { id: 'evening', days: ['MON', 'TUE'], from: '20:00', to: '24:00', percentage: 25, hourCode: 'ORT25' },
    { id: 'sunday', from: '00:00', to: '24:00', percentageByDay: [{ day: 'SUN', percentage: 100 }], hourCode: 'ORT100' },
  ],
  dailyOvertime: [
    {
      id: 'daily',
      days: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
      per: 'DAY',
      tiers: [{ after: '8:00', percentage: 125, hourCode: 'OT125', windows: [{ days: ['MON'], from: '18:00', to: '22:00', percentage: 150, hourCode: 'OT150' }] }],
    },
  ],
  weeklyOvertime: { id: 'weekly', countedDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'], tiers: [{ after: '40:00', percentage: 125, hourCode: 'OTW125' }] },
  weekdayOvertime: [{ id: 'saturday', days: ['SAT'], percentage: 150, hourCode: 'SAT150' }],
  shiftSurcharges: [
    { id: 'early', days: ['MON'], from: '05:00', to: '07:00', percentage: 10, hourCode: 'EARLY10', condition: { kind: 'STARTS_INSIDE' } },
    { id: 'night', days: ['TUE'], from: '00:00', to: '06:00', percentage: 20, hourCode: 'NIGHT20', condition: { kind: 'MINUTES_INSIDE', over: '1:00' } },
  ],
  minimumBreaks: { id: 'breaks', tiers: [{ over: '5:30', atLeast: '0:30' }, { over: '10:00', atLeast: '0:45' }] },
  minimumPayPerCall: { id: 'call', minimum: '3:00', hourCode: 'CALL100' },
  allowances: [
    { id: 'meal', hourCode: 'MEAL', kind: 'OVERTIME_ON_DAY', atLeast: '2:00' },
    { id: 'split', hourCode: 'SPLIT', kind: 'SPLIT_SHIFT', gapOver: '2:00' },
    { id: 'sunday-worked', hourCode: 'SUNDAY', kind: 'DAY_WORKED', days: ['SUN', 'HOLIDAY'] },
  ],
};

const SETTLEMENT = { id: 'period', calendar: { kind: 'ISO_WEEKS', weeks: 4 }, normalPerWeekday: '8:00', tiers: [{ over: '0:00', percentage: 130, hourCode: 'PER130' }] };

/** Every mutation of the schema, by name. */
export const MUTATION_PLANS: Record<string, MutationPlan> = {
  login: { caller: 'anonymous', args: (w) => ({ input: { email: w.staffEmail, password: TEST_PASSWORD, agencyId: w.agencyId } }) },
  logout: { caller: 'freshSession', args: () => ({}) },
  requestPasswordReset: { caller: 'anonymous', args: (w) => ({ input: { email: `${unique('fuzz-reset')}@example.com`, agencyId: w.agencyId } }) },
  // A token of the right form that no mail carried: the input is handled, and nobody's password changes.
  resetPassword: { caller: 'anonymous', args: () => ({ input: { token: `fpr_${'A'.repeat(43)}`, newPassword: 'a long enough passphrase' } }) },
  changeMyPassword: {
    caller: 'passwordUser',
    args: (w) => ({ input: { currentPassword: w.passwordUser.password, newPassword: `${w.passwordUser.password} and more` } }),
  },
  updateMySettings: { caller: 'contact', args: () => ({ input: { language: 'EN' } }) },
  // Every field (a new IBAN with the password): each text of the input is in play.
  requestPersonalDataChange: {
    caller: 'worker',
    args: () => ({
      input: {
        changes: {
          firstName: 'Anna',
          lastName: 'de Vries',
          email: 'anna.devries@example.com',
          phone: '+31 6 1234 5678',
          dateOfBirth: '1990-05-17',
          address: { street: 'Damrak', houseNumber: '1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' },
          iban: 'NL91ABNA0417164300',
          language: 'EN',
        },
        note: 'New address and bank since May',
        currentPassword: TEST_PASSWORD,
      },
    }),
  },
  approveChangeRequest: { caller: 'staff', args: (w) => ({ input: { id: w.ids.changeRequestToApprove } }) },
  startMessageThread: { caller: 'worker', args: () => ({ input: { subject: 'Question about week 48', text: 'Hello,\nmy hours of Tuesday are missing.' } }) },
  writeMessage: { caller: 'worker', args: (w) => ({ input: { threadId: w.ids.messageThread, text: 'One more thing:\nthe overtime too.' } }) },
  markMessageThreadRead: { caller: 'staff', args: (w) => ({ input: { threadId: w.ids.messageThread } }) },
  closeMessageThread: { caller: 'staff', args: (w) => ({ input: { threadId: w.ids.messageThreadToClose } }) },
  rejectChangeRequest: { caller: 'staff', args: (w) => ({ input: { id: w.ids.changeRequestToReject, reason: 'Please call us first' } }) },
  // Documents to sign: the CAO worker signs and declines (a wrong password counts against their login, not the worker's).
  createSigningRequest: {
    caller: 'staff',
    args: (w) => ({ input: { flexworkerId: w.ids.worker, placementId: w.ids.placement, title: 'Arbeidsovereenkomst Bakkerij Jansen', dueDate: '2026-12-31', uploadId: w.ids.uploadToPut } }),
  },
  signDocument: {
    caller: 'caoWorker',
    args: (w) => ({ input: { id: w.ids.signingToSign, currentPassword: TEST_PASSWORD, consent: true, consentVersion: CONSENT_VERSION } }),
  },
  declineSigningRequest: { caller: 'caoWorker', args: (w) => ({ input: { id: w.ids.signingToDecline, reason: 'The hourly wage is not\nwhat we agreed' } }) },
  withdrawSigningRequest: { caller: 'staff', args: (w) => ({ input: { id: w.ids.signingToWithdraw } }) },
  verifySignedDocument: { caller: 'staff', args: (w) => ({ input: { uploadId: w.ids.uploadToVerify } }) },
  createUser: {
    caller: 'staff',
    args: (w) => ({
      input: { email: `${unique('fuzz')}@example.com`, displayName: 'Petra de Vries', role: 'FLEXWORKER', flexworkerId: w.ids.unlinkedWorker, language: 'NL', password: TEST_PASSWORD },
    }),
  },
  createApiClient: { caller: 'staff', args: () => ({ input: { name: 'Payroll (Loket)' } }) },
  inviteUser: {
    caller: 'staff',
    args: (w) => ({ input: { relationId: w.ids.relation, email: `${unique('fuzz-invite')}@example.com`, name: 'Els Jansen', language: 'NL' } }),
  },
  resendInvitation: { caller: 'staff', args: (w) => ({ input: { userId: w.ids.invitee } }) },
  revokeInvitation: { caller: 'staff', late: true, args: (w) => ({ input: { userId: w.ids.inviteeToRevoke } }) },
  // A token of the right form that no mail carried: the input is handled, and nobody signs up.
  acceptInvitation: { caller: 'anonymous', args: () => ({ input: { token: `fpi_${'A'.repeat(43)}`, password: 'a long enough passphrase' } }) },
  createPayrollExport: { caller: 'payroll', args: () => ({ input: { idempotencyKey: unique('fuzz-run-'), upTo: '2026-11-25T08:00:00.000Z' } }) },
  confirmPayrollExport: { caller: 'payroll', args: (w) => ({ input: { exportId: w.ids.exportToConfirm } }) },
  cancelPayrollExport: { caller: 'payroll', args: (w) => ({ input: { exportId: w.ids.exportToCancel } }) },
  updateAgencySettings: {
    caller: 'settingsStaff',
    args: () => ({
      input: {
        contactEmail: 'planning@uboss.example',
        contactPhone: '+31 20 123 4567',
        name: 'U-Boss Zuid',
        timeZone: 'Europe/Amsterdam',
        enabledTabs: ['DECLARATION_STATUS', 'PAYSLIPS'],
        approvalDeadline: { weekday: 'MON', time: '12:00' },
        payWeekday: 'WED',
        payDayOnHoliday: 'PREVIOUS_WORKING_DAY',
        declarationVisibilityDays: 28,
        reminderMoments: [
          { weekday: 'FRI', time: '16:00' },
          { weekday: 'MON', time: '09:00' },
        ],
      },
    }),
  },
  createRelation: {
    caller: 'staff',
    args: () => ({ input: { name: 'Bakkerij Jansen', chamberOfCommerceNumber: '12345678', contactEmail: 'info@bakkerij.example', contactPhone: '020 123 4567' } }),
  },
  updateRelation: {
    caller: 'staff',
    late: true,
    args: (w) => ({ input: { id: w.ids.relation, name: 'Bakkerij Jansen BV', chamberOfCommerceNumber: '87654321', contactEmail: 'planning@bakkerij.example', contactPhone: '0612345678', active: true } }),
  },
  createFlexworker: {
    caller: 'staff',
    args: () => ({
      input: {
        firstName: 'Ana',
        lastName: 'Popescu',
        email: `${unique('ana')}@example.com`,
        phone: '+40 721 234 567',
        language: 'RO',
        dateOfBirth: '1990-05-17',
        address: { street: 'Damrak', houseNumber: '12A', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' },
        bsn: '111222333',
        iban: 'NL91ABNA0417164300',
        payrollNumber: unique('PN-'),
      },
    }),
  },
  updateFlexworker: {
    caller: 'staff',
    args: (w) => ({
      input: {
        id: w.ids.worker,
        firstName: 'Fatima',
        lastName: 'Bakker',
        email: `${unique('fatima')}@example.com`,
        phone: '0687654321',
        dateOfBirth: '1991-02-03',
        address: { street: 'Coolsingel', houseNumber: '40', postalCode: '3011 AD', city: 'Rotterdam', country: 'NL' },
        bsn: '111222333',
        iban: 'NL91ABNA0417164300',
        payrollNumber: unique('PN-'),
      },
    }),
  },
  createCaoUnravelSchedule: {
    caller: 'staff',
    args: () => ({ input: { name: unique('Fuzz CAO '), source: 'CAO Schoonmaak 2026, art. 12', versions: [{ ...SCHEDULE_VERSION, validFrom: '2026-01-01' }] } }),
  },
  addCaoUnravelScheduleVersion: {
    caller: 'staff',
    // Overtime settled per period instead of per week (not both): the settlement's text fields are in play here.
    args: (w) => ({ input: { scheduleId: w.ids.schedule, expectedVersion: w.versions.schedule, version: { ...SCHEDULE_VERSION, weeklyOvertime: undefined, settlementPeriod: SETTLEMENT } } }),
    refresh: async (t, w) => {
      w.versions.schedule = await scheduleVersion(t, w);
    },
  },
  createPlacement: {
    caller: 'staff',
    args: (w) => ({
      input: {
        flexworkerId: w.ids.unlinkedWorker,
        relationId: w.ids.relation,
        startDate: '2026-12-07',
        endDate: '2027-06-30',
        functionName: 'Order picker',
        costCentre: 'CC-042',
        purchaseOrderReference: 'PO 2026/0042',
        contractHoursPerWeek: '32:00',
        hoursEnteredBy: 'FLEXWORKER',
        sendInvitations: true,
        sendReminders: true,
        hourCodes: [{ code: 'H100', percentage: 100, label: 'Normal hours' }],
      },
    }),
  },
  updatePlacement: {
    caller: 'staff',
    late: true,
    args: (w) => ({
      input: { id: w.ids.placement, startDate: '2026-11-02', endDate: '2027-12-31', functionName: 'Team lead', costCentre: 'CC-7', purchaseOrderReference: 'PO-7', contractHoursPerWeek: '38:00', hourCodes: [{ code: 'H100', percentage: 100, label: 'Normal' }] },
    }),
  },
  endPlacement: { caller: 'staff', late: true, args: (w) => ({ input: { id: w.ids.placement, endDate: '2027-03-31' } }) },
  revokeApiClient: { caller: 'staff', late: true, args: (w) => ({ input: { id: w.ids.apiClient } }) },
  saveTimesheet: {
    caller: 'caoWorker',
    args: (w) => ({ input: { timesheetId: w.ids.caoWeek, expectedVersion: w.versions.caoWeek, days: CAO_DAYS } }),
    refresh: async (t, w) => {
      w.versions.caoWeek = (await weekState(t, w, w.ids.caoWeek)).version;
    },
  },
  saveAndApproveTimesheet: {
    caller: 'worker',
    args: (w) => ({ input: { timesheetId: w.ids.manualWeek, expectedVersion: w.versions.manualWeek, days: [MANUAL_DAY], confirm: true } }),
    refresh: async (t, w) => {
      w.versions.manualWeek = (await weekState(t, w, w.ids.manualWeek)).version;
    },
  },
  approveDeclarations: { caller: 'contact', args: (w) => ({ input: { declarationIds: [w.ids.toApprove] } }) },
  rejectDeclaration: { caller: 'contact', args: (w) => ({ input: { declarationId: w.ids.toReject, reason: 'Tuesday was a day off:\nplease check.' } }) },
  correctDeclaration: {
    caller: 'staff',
    args: (w) => ({
      input: {
        declarationId: w.ids.toCorrect,
        expectedVersion: w.versions.correctionWeek,
        days: [{ date: '2026-11-16', hours: [{ hourCode: 'H100', hours: '7:30' }] }],
        reason: 'Break was not recorded',
      },
    }),
    refresh: async (t, w) => {
      const week = await weekState(t, w, w.ids.correctionWeek);
      w.versions.correctionWeek = week.version;
      w.ids.toCorrect = week.currentDeclarationId;
    },
  },
};

/** The executable schema as the code builds it (a mutation added to a resolver is here at once). */
export function executableSchema(): Promise<GraphQLSchema> {
  return buildSchemaForPrinting();
}

export function mutationsOf(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {});
}

/** The document that calls `field` with every argument as a variable, asking for as little as possible. */
export function documentFor(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returns = getNamedType(field.type);
  const selection = isLeafType(returns) ? '' : 'token' in (returns as { getFields(): object }).getFields() ? ' { __typename token }' : ' { __typename }';
  return `mutation${variables ? ` (${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

export interface TextLeaf {
  /** Where the value sits in the arguments: `input.days[0].blocks[0].start`. */
  readonly path: string;
  /** The input field it belongs to: `TimeBlockInput.start`. */
  readonly owner: string;
}

/**
 * Every text leaf (a value of one of `scalars`, e.g. String) in `value` of input type `type`,
 * walking only into what `value` holds.
 */
export function textLeaves(type: GraphQLInputType, value: unknown, path: string, owner: string, scalars: ReadonlySet<string>): TextLeaf[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value === undefined || value === null) return [];
  if (isListType(inner)) {
    return Array.isArray(value) ? value.flatMap((item, i) => textLeaves(inner.ofType, item, `${path}[${i}]`, owner, scalars)) : [];
  }
  if (isInputObjectType(inner)) {
    return Object.values(inner.getFields()).flatMap((f) =>
      textLeaves(f.type, (value as Record<string, unknown>)[f.name], path ? `${path}.${f.name}` : f.name, `${inner.name}.${f.name}`, scalars),
    );
  }
  return scalars.has(inner.name) && typeof value === 'string' ? [{ path, owner }] : [];
}

/** Every input field whose values are one of `scalars` (lists of them too), as `Type.field` (`mutation(arg)` for an argument). */
export function textFieldsOf(schema: GraphQLSchema, scalars: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (type: GraphQLInputType): void => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named.name)) return;
    seen.add(named.name);
    for (const f of Object.values(named.getFields())) {
      if (scalars.has(getNamedType(f.type).name)) found.add(`${named.name}.${f.name}`);
      visit(f.type);
    }
  };
  for (const field of mutationsOf(schema)) {
    for (const arg of field.args) {
      if (scalars.has(getNamedType(arg.type).name)) found.add(`${field.name}(${arg.name})`);
      visit(arg.type);
    }
  }
  return [...found].sort();
}

/** Sends `args` to mutation `field` as `token`'s owner (anonymous: asking for English). */
export function sendMutation(t: TestApp, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, token?: string): Promise<GqlResponse<Record<string, unknown>>> {
  return t.gql(documentFor(field), args, { token, headers: { 'accept-language': 'en' } });
}

const languages = new Map<string, string>();
/** The language the server answers `token`'s owner in (English for anonymous callers, who ask for it). */
export async function languageOf(t: TestApp, token: string | undefined): Promise<string> {
  if (token === undefined) return 'en';
  if (!languages.has(token)) {
    const response = await t.gql<{ viewer: { language: string } }>('{ viewer { language } }', {}, { token, headers: { 'accept-language': 'en' } });
    // The schema's Language is upper-case (NL); the locale files are by lower-case code.
    languages.set(token, response.body.data?.viewer.language.toLowerCase() ?? 'en');
  }
  return languages.get(token)!;
}

/**
 * Two agencies: the world (a relation with a contact, a worker on hour codes and one on the
 * schoonmaak CAO schedule, a week each, a submitted declaration, an API key) and one whose
 * settings the suites may change. The clock must stand in 2026-W48 (week-helpers' WED_W48_1000).
 */
export async function buildFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const agency = await createAgencyWithStaff(t, unique('Fuzz agency '));
  const settingsAgency = await createAgencyWithStaff(t, unique('Fuzz settings agency '));
  const staff = agency.staffToken;
  const manual = await weekWorld(t, agency);
  const schedule = await createSchoonmaakSchedule(t, staff);
  const caoWorld = await weekWorld(t, agency, { relation: manual.relation, placement: { caoScheduleId: schedule.id, hourCodes: undefined } });

  const submitted = [];
  for (const [week, date] of [['2026-W45', '2026-11-02'], ['2026-W46', '2026-11-09'], ['2026-W47', '2026-11-16']]) {
    const timesheet = await timesheetForWeek(t, manual.workerToken, manual.placement.id, week);
    submitted.push(await approveWeek(t, manual.workerToken, timesheet, [{ date, hours: [{ hourCode: 'H100', hours: '8:00' }] }]));
  }
  const manualWeek = await timesheetForWeek(t, manual.workerToken, manual.placement.id, '2026-W48');
  const caoWeek = await timesheetForWeek(t, caoWorld.workerToken, caoWorld.placement.id, '2026-W48');

  const unlinked = await createFlexworker(t, staff, { firstName: 'Piotr', lastName: unique('Nowak') });
  const spare = await createRelation(t, staff, { name: unique('Spare relation ') });
  await createPlacement(t, staff, { flexworkerId: unlinked.id, relationId: spare.id, startDate: '2026-11-02' });
  const keys = await Promise.all(
    ['Payroll key', 'Revocable key'].map(async (name) =>
      dataOf(await t.gql<{ createApiClient: { apiKey: string; apiClient: { id: string } } }>(
        'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey apiClient { id } } }',
        { input: { name } },
        { token: staff },
      )).createApiClient,
    ),
  );

  const passwordEmail = `${unique('password')}@agency.example`;
  await createUser(t, staff, { email: passwordEmail, role: 'AGENCY_STAFF', password: TEST_PASSWORD });
  const freshSessionEmail = `${unique('session')}@agency.example`;
  await createUser(t, staff, { email: freshSessionEmail, role: 'AGENCY_STAFF', password: TEST_PASSWORD });

  const invited = await Promise.all(['Invitee', 'Revoked invitee'].map(async (name) =>
    dataOf(await t.gql<{ inviteUser: { user: { id: string } } }>(
      'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { user { id } } }',
      { input: { relationId: manual.relation.id, email: `${unique('invitee')}@example.com`, name } },
      { token: staff },
    )).inviteUser.user.id,
  ));

  const ids = {
    invitee: invited[0],
    inviteeToRevoke: invited[1],
    relation: manual.relation.id,
    worker: manual.worker.id,
    placement: manual.placement.id,
    caoPlacement: caoWorld.placement.id,
    schedule: schedule.id,
    manualWeek: manualWeek.id,
    caoWeek: caoWeek.id,
    toApprove: submitted[0].currentDeclaration.id,
    toReject: submitted[1].currentDeclaration.id,
    correctionWeek: submitted[2].id,
    toCorrect: submitted[2].currentDeclaration.id,
    apiClient: keys[1].apiClient.id,
    unlinkedWorker: unlinked.id,
    exportToConfirm: (await createExport(t, keys[0].apiKey, unique('fuzz-confirm-'))).payrollExport.id,
    exportToCancel: (await createExport(t, keys[0].apiKey, unique('fuzz-cancel-'))).payrollExport.id,
    changeRequestToApprove: await changeRequest(t, caoWorld.workerToken),
    changeRequestToReject: await changeRequest(t, caoWorld.workerToken),
    messageThread: await messageThread(t, manual.workerToken),
    messageThreadToClose: await messageThread(t, manual.workerToken),
    signingToSign: await putBeforeWorker(t, staff, caoWorld.worker.id, 'Fuzz contract to sign'),
    signingToDecline: await putBeforeWorker(t, staff, caoWorld.worker.id, 'Fuzz contract to decline'),
    signingToWithdraw: await putBeforeWorker(t, staff, caoWorld.worker.id, 'Fuzz contract to withdraw'),
    uploadToPut: (await uploadPdf(t, staff)).id,
    uploadToVerify: (await uploadPdf(t, staff)).id,
  };
  return {
    staffEmail: agency.staffEmail,
    agencyId: agency.agencyId,
    tokens: {
      staff,
      worker: manual.workerToken,
      caoWorker: caoWorld.workerToken,
      contact: manual.contactToken,
      payroll: keys[0].apiKey,
      settingsStaff: settingsAgency.staffToken,
      passwordUser: await login(t, passwordEmail, TEST_PASSWORD),
    },
    passwordUser: { email: passwordEmail, password: TEST_PASSWORD },
    freshSessionEmail,
    ids,
    versions: { manualWeek: manualWeek.version, caoWeek: caoWeek.version, correctionWeek: submitted[2].version, schedule: schedule.version },
    idPool: [...Object.values(ids), agency.agencyId, settingsAgency.agencyId, manual.contactUserId, manual.workerUserId, spare.id, ...submitted.map((s) => s.id)],
  };
}

/** A new conversation of the worker of `token` with the agency. */
async function messageThread(t: TestApp, token: string): Promise<string> {
  const response = await t.gql<{ startMessageThread: { thread: { id: string } } }>(
    'mutation ($input: StartMessageThreadInput!) { startMessageThread(input: $input) { thread { id } } }',
    { input: { subject: 'Fuzz thread', text: 'Fuzz message' } },
    { token },
  );
  return dataOf(response).startMessageThread.thread.id;
}

/** An open change request of the worker of `token` (a new telephone number). */
async function changeRequest(t: TestApp, token: string): Promise<string> {
  const response = await t.gql<{ requestPersonalDataChange: { changeRequest: { id: string } } }>(
    'mutation ($input: RequestPersonalDataChangeInput!) { requestPersonalDataChange(input: $input) { changeRequest { id } } }',
    { input: { changes: { phone: '+31 6 2222 3333' }, note: 'Fuzz request' } },
    { token },
  );
  return dataOf(response).requestPersonalDataChange.changeRequest.id;
}

/** The token to send as `caller` (a fresh session where the mutation ends it). */
export async function tokenOf(t: TestApp, w: FuzzWorld, caller: Caller): Promise<string | undefined> {
  if (caller === 'anonymous') return undefined;
  if (caller === 'freshSession') return login(t, w.freshSessionEmail, TEST_PASSWORD);
  return w.tokens[caller];
}
