/*
 * The authorization matrix (issue 8): for every query and mutation of the schema, what each caller
 * gets for each kind of object. It is data: authorization-matrix.test.ts sends every cell, in both
 * directions between two agencies, and fails on any answer that differs, on any operation of the
 * schema without an entry here, and on any entry whose operation is gone.
 *
 * Owners of the object an operation names (its id, or what a list is filtered on):
 *   none        the operation names no object (the viewer, the agency, a create);
 *   own         the caller's own: their week, their relation's placement; for staff and payroll
 *               any object of their agency;
 *   otherParty  the caller's own week, but the other party enters its hours (a worker and a week
 *               the relation enters, a contact and a week the worker enters);
 *   hidden      an object of the same agency the role may not see (a colleague's week, another
 *               relation's placement); n/a for staff and payroll, who see the whole agency;
 *   otherAgency the same object in another agency.
 *
 * Outcomes:
 *   data        an answer without errors that holds the object (or the caller's own data);
 *   empty       an answer without errors that holds no object at all (a list filtered on what the
 *               caller may not see, a null default week);
 *   NOT_FOUND   as for an id nobody has: what the caller may not see does not exist for them;
 *   ROLE_NOT_ALLOWED, HOURS_ENTERED_BY_OTHER_PARTY   FORBIDDEN with that reason;
 *   UNAUTHENTICATED   no token;
 *   n/a         a cell that cannot exist; nothing is sent.
 * Every answer, whatever its outcome, must hold nothing of the other agency nor of what is hidden
 * from the role (ids, names, e-mail addresses, BSN and IBAN of workers a contact sees by name only).
 *
 * To classify a new operation: add a row here with the answer each role should get (docs/api.md,
 * "Who sees what", and the use case's access rule), and its request in operations-*.ts.
 */

export const CALLERS = ['anonymous', 'FLEXWORKER', 'RELATION_CONTACT', 'AGENCY_STAFF', 'PAYROLL'] as const;
export type CallerName = (typeof CALLERS)[number];

export const OWNERS = ['none', 'own', 'otherParty', 'hidden', 'otherAgency'] as const;
export type Owner = (typeof OWNERS)[number];

export const OUTCOMES = ['data', 'empty', 'NOT_FOUND', 'ROLE_NOT_ALLOWED', 'HOURS_ENTERED_BY_OTHER_PARTY', 'UNAUTHENTICATED', 'n/a'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type Row = Readonly<Record<CallerName, Outcome>>;
export type MatrixEntry = Readonly<Partial<Record<Owner, Row>>>;

const D = 'data';
const E = 'empty';
const NF = 'NOT_FOUND';
const RNA = 'ROLE_NOT_ALLOWED';
const OTHER = 'HOURS_ENTERED_BY_OTHER_PARTY';
const U = 'UNAUTHENTICATED';
const NA = 'n/a';

/** One owner's outcomes in the order of CALLERS: anonymous, worker, contact, staff, payroll. */
function row(anonymous: Outcome, worker: Outcome, contact: Outcome, staff: Outcome, payroll: Outcome): Row {
  return { anonymous, FLEXWORKER: worker, RELATION_CONTACT: contact, AGENCY_STAFF: staff, PAYROLL: payroll };
}

/** An operation of staff only that names no object. */
const STAFF_ONLY = { none: row(U, RNA, RNA, D, RNA) };
/** Staff only, on an object: the role is refused before anything is looked up. */
const STAFF_ONLY_ON_OBJECT = { own: row(U, RNA, RNA, D, RNA), otherAgency: row(U, RNA, RNA, NF, RNA) };
/** Reading one object that workers and contacts see only when it is theirs. */
const READ_ONE = { own: row(U, D, D, D, D), hidden: row(U, NF, NF, NA, NA), otherAgency: row(U, NF, NF, NF, NF) };
/** A list filtered on an object: what the caller may not see is not in it. */
const READ_LIST = { own: row(U, D, D, D, D), hidden: row(U, E, E, NA, NA), otherAgency: row(U, E, E, E, E) };
/** Changing an object only staff change: others are refused where they see it, and find nothing where they do not. */
const STAFF_CHANGES = { own: row(U, RNA, RNA, D, RNA), hidden: row(U, NF, NF, NA, NA), otherAgency: row(U, NF, NF, NF, NF) };
/** A week read by id: the worker and the contact also see the weeks the other party enters. */
const READ_WEEK = { ...READ_ONE, otherParty: row(U, D, D, NA, NA) };
/** The worker's or the contact's blue bar: only the weeks they enter themselves. */
const BLUE_BAR = {
  own: row(U, D, D, RNA, RNA),
  otherParty: row(U, E, E, NA, NA),
  hidden: row(U, E, E, NA, NA),
  otherAgency: row(U, E, E, RNA, RNA),
};
/** Entering hours: whoever the placement says, in their own weeks. */
const ENTER_HOURS = {
  own: row(U, D, D, RNA, RNA),
  otherParty: row(U, OTHER, OTHER, NA, NA),
  hidden: row(U, NF, NF, NA, NA),
  otherAgency: row(U, NF, NF, RNA, RNA),
};
/** The relation's decision on a declaration: its contacts only. */
const RELATION_DECIDES = { own: row(U, RNA, D, RNA, RNA), hidden: row(U, RNA, NF, NA, NA), otherAgency: row(U, RNA, NF, RNA, RNA) };
/** A worker's documents (payslips, annual statements): the worker their own, staff and payroll the agency's, contacts none. */
const WORKER_DOCUMENTS = {
  own: row(U, D, RNA, D, D),
  hidden: row(U, E, RNA, NA, NA),
  otherAgency: row(U, E, RNA, E, E),
};
/** A payroll export: payroll and staff read it; the role is refused before anything is looked up. */
const PAYROLL_AND_STAFF_ON_EXPORT = { own: row(U, RNA, RNA, D, D), otherAgency: row(U, RNA, RNA, NF, NF) };
/** A step only the payroll system takes on one of its exports. */
const PAYROLL_ONLY_ON_EXPORT = { own: row(U, RNA, RNA, RNA, D), otherAgency: row(U, RNA, RNA, RNA, NF) };
/**
 * A conversation with the agency (contact tab): its writer (the worker's or the contact's own) and
 * staff; a colleague's is NOT_FOUND as is another agency's; the payroll key has nothing here.
 */
const MESSAGE_THREAD = { own: row(U, D, D, D, RNA), hidden: row(U, NF, NF, NA, NA), otherAgency: row(U, NF, NF, NF, RNA) };
/** Something every person does for themself; the payroll key is no person. */
const PEOPLE_ONLY = { none: row(U, D, D, D, RNA) };
/** Documents to sign (issue 12), read: the worker their own, staff their agency's; contacts and payroll nothing. */
const SIGNING_READ_ONE = { own: row(U, D, RNA, D, RNA), hidden: row(U, NF, RNA, NA, NA), otherAgency: row(U, NF, RNA, NF, RNA) };
/** What only the worker a document is for does with it: read the consent statement, sign, decline. */
const SIGNING_WORKER_STEP = { own: row(U, D, RNA, RNA, RNA), hidden: row(U, NF, RNA, NA, NA), otherAgency: row(U, NF, RNA, RNA, RNA) };

export const AUTHORIZATION_MATRIX: Readonly<Record<string, MatrixEntry>> = {
  // Queries
  agency: { none: row(U, D, D, D, D) },
  annualStatements: WORKER_DOCUMENTS,
  apiClients: STAFF_ONLY,
  caoUnravelSchedule: STAFF_ONLY_ON_OBJECT,
  caoUnravelSchedules: STAFF_ONLY,
  // Issue 13, rule 7: what a draft version would pay, on one of the agency's schedules.
  caoScheduleChangeImpact: STAFF_ONLY_ON_OBJECT,
  // Your information (issue 12): the worker's own tab; staff answer the requests.
  changeRequests: { none: row(U, D, RNA, D, RNA) },
  declaration: READ_WEEK,
  declarationStatus: { none: row(U, D, RNA, RNA, RNA) },
  declarations: READ_LIST,
  declarationsAwaitingApproval: { none: row(U, D, D, D, D) },
  // The landing week: a placement the other party enters gives its current week, read-only.
  defaultTimesheet: { ...BLUE_BAR, otherParty: row(U, D, D, NA, NA) },
  flexworker: READ_ONE,
  flexworkers: { own: row(U, RNA, RNA, D, D), otherAgency: row(U, RNA, RNA, E, E) },
  mailMessages: STAFF_ONLY,
  myInformation: { none: row(U, D, RNA, RNA, RNA) },
  // Contact (issue 12): writers their own threads, staff the agency's inbox.
  messageThread: MESSAGE_THREAD,
  messageThreads: { none: row(U, D, D, D, RNA) },
  openTimesheets: BLUE_BAR,
  payrollExport: PAYROLL_AND_STAFF_ON_EXPORT,
  payrollExports: { none: row(U, RNA, RNA, D, D) },
  payslips: WORKER_DOCUMENTS,
  placement: READ_ONE,
  placements: READ_LIST,
  relation: READ_ONE,
  relations: READ_LIST,
  signingConsent: SIGNING_WORKER_STEP,
  signingRequest: SIGNING_READ_ONE,
  // A list filtered on `flexworkerId`: a colleague's or another agency's worker gives nothing.
  signingRequests: { own: row(U, D, RNA, D, RNA), hidden: row(U, E, RNA, NA, NA), otherAgency: row(U, E, RNA, E, RNA) },
  timesheet: READ_WEEK,
  timesheetForWeek: READ_WEEK,
  timesheets: READ_LIST,
  viewer: { none: row(U, D, D, D, D) },

  // Mutations
  addCaoUnravelScheduleVersion: STAFF_ONLY_ON_OBJECT,
  approveChangeRequest: STAFF_ONLY_ON_OBJECT,
  approveDeclarations: RELATION_DECIDES,
  closeMessageThread: STAFF_ONLY_ON_OBJECT,
  markMessageThreadRead: MESSAGE_THREAD,
  startMessageThread: { none: row(U, D, D, RNA, RNA) },
  writeMessage: MESSAGE_THREAD,
  changeMyPassword: PEOPLE_ONLY,
  cancelPayrollExport: PAYROLL_AND_STAFF_ON_EXPORT,
  confirmPayrollExport: PAYROLL_ONLY_ON_EXPORT,
  correctDeclaration: { ...STAFF_ONLY_ON_OBJECT, hidden: row(U, RNA, RNA, NA, NA) },
  createApiClient: STAFF_ONLY,
  createCaoUnravelSchedule: STAFF_ONLY,
  createFlexworker: STAFF_ONLY,
  createPayrollExport: { none: row(U, RNA, RNA, RNA, D) },
  createPlacement: STAFF_ONLY_ON_OBJECT,
  createRelation: STAFF_ONLY,
  // Staff put a PDF (their own upload) before a worker: the other agency's worker is not found.
  createSigningRequest: STAFF_ONLY_ON_OBJECT,
  declineSigningRequest: SIGNING_WORKER_STEP,
  createUser: STAFF_ONLY_ON_OBJECT,
  endPlacement: STAFF_CHANGES,
  login: { none: row(D, D, D, D, D) },
  logout: { none: row(U, D, D, D, D) },
  requestPasswordReset: { none: row(D, D, D, D, D) },
  resetPassword: { none: row(D, D, D, D, D) },
  acceptInvitation: { none: row(D, D, D, D, D) },
  inviteUser: STAFF_ONLY_ON_OBJECT,
  resendInvitation: STAFF_ONLY_ON_OBJECT,
  revokeInvitation: STAFF_ONLY_ON_OBJECT,
  rejectChangeRequest: STAFF_ONLY_ON_OBJECT,
  rejectDeclaration: RELATION_DECIDES,
  requestPersonalDataChange: { none: row(U, D, RNA, RNA, RNA) },
  revokeApiClient: STAFF_ONLY_ON_OBJECT,
  saveAndApproveTimesheet: ENTER_HOURS,
  saveTimesheet: ENTER_HOURS,
  signDocument: SIGNING_WORKER_STEP,
  updateAgencySettings: STAFF_ONLY,
  updateFlexworker: STAFF_CHANGES,
  updateMySettings: PEOPLE_ONLY,
  updatePlacement: STAFF_CHANGES,
  updateRelation: STAFF_CHANGES,
  // Each caller checks a PDF it uploaded itself.
  verifySignedDocument: { none: row(U, D, RNA, D, RNA) },
  withdrawSigningRequest: STAFF_ONLY_ON_OBJECT,
};
