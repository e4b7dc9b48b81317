import { CellRequest, DECLARATION, OperationSpec, PLACEMENT, RELATION, Scene, side, SIGNING, WEEK, WORKER } from './scene';

/*
 * The request of every query of the matrix, per owner kind: a changed signature (an argument, a
 * page size) is a change of one line here.
 */

const byId = (id: string | null): CellRequest => ({ variables: { id }, expect: id ?? undefined });
const filtered = (filter: Record<string, unknown>): CellRequest => ({ variables: { filter } });
const page = 'first: 100';
/** A draft version of the world's schedule (valid from 2026-01-01): the same rules from November on. */
const IMPACT_DRAFT = { validFrom: '2026-11-02', hourCodes: { normal: 'U100' } };

const oneWeek = (field: 'id' | 'declarationId') => ({
  own: (s: Scene) => byId(side(s, 'own').read[field]),
  otherParty: (s: Scene) => byId(side(s, 'otherParty').read[field]),
  hidden: (s: Scene) => byId(s.world.weeks.hiddenSubmitted[field]),
  otherAgency: (s: Scene) => byId(side(s, 'own', s.other).read[field]),
});

/** Lists of weeks or declarations: unfiltered they hold the caller's own; filtered on someone they may not see, nothing. */
const weekList = (field: 'id' | 'declarationId') => ({
  own: (s: Scene): CellRequest => ({ variables: {}, expect: side(s, 'own').read[field]! }),
  hidden: (s: Scene) => filtered({ flexworkerId: s.world.otherWorker.id }),
  otherAgency: (s: Scene) => filtered({ flexworkerId: s.other.worker.id }),
});

/** The blue bar and the default week: without a placement the caller's own; with one, only a placement they enter. */
const blueBar = {
  own: (s: Scene): CellRequest => ({ variables: {}, expect: side(s, 'own').placementId }),
  otherParty: (s: Scene): CellRequest => ({ variables: { placementId: side(s, 'otherParty').placementId } }),
  hidden: (s: Scene): CellRequest => ({ variables: { placementId: s.world.hiddenPlacementId } }),
  otherAgency: (s: Scene): CellRequest => ({ variables: { placementId: side(s, 'own', s.other).placementId } }),
};

const weekOf = (ref: { placementId: string; week: string; id: string }): CellRequest => ({
  variables: { placementId: ref.placementId, week: ref.week },
  expect: ref.id,
});

/** A worker's documents filtered on a worker: their own, a colleague, a worker of the other agency. */
const workerDocuments = (id: (w: Scene['world']) => string) => ({
  own: (s: Scene): CellRequest => ({ variables: { flexworkerId: s.world.worker.id }, expect: id(s.world) }),
  hidden: (s: Scene): CellRequest => ({ variables: { flexworkerId: s.world.otherWorker.id } }),
  otherAgency: (s: Scene): CellRequest => ({ variables: { flexworkerId: s.other.worker.id } }),
});

/** The conversation of the caller's own (staff: the worker's, which they answer). */
export function ownThread(s: Scene, world: Scene['world']): string {
  return s.caller === 'RELATION_CONTACT' ? world.messageThreads.contact : world.messageThreads.worker;
}

/** A document to sign by id: one of the worker's, the colleague's, the same one of the other agency. */
const signingById = (arg: string, expect: (w: Scene['world']) => string) => ({
  own: (s: Scene): CellRequest => ({ variables: { [arg]: s.world.signing.toRead }, expect: expect(s.world) }),
  hidden: (s: Scene): CellRequest => ({ variables: { [arg]: s.world.signing.hidden } }),
  otherAgency: (s: Scene): CellRequest => ({ variables: { [arg]: s.other.signing.toRead } }),
});

export const QUERY_SPECS: Readonly<Record<string, OperationSpec>> = {
  agency: {
    document: '{ agency { id name settings { timeZone enabledTabs } } }',
    owners: { none: (s) => ({ expect: s.world.agency.id }) },
  },
  annualStatements: {
    document: `query ($flexworkerId: ID) { annualStatements(flexworkerId: $flexworkerId, ${page}) { nodes { id flexworkerId year version downloadUrl } } }`,
    owners: workerDocuments((w) => w.documents.annualStatementId),
  },
  apiClients: {
    document: '{ apiClients { id name role revokedAt } }',
    owners: { none: (s) => ({ expect: s.world.callers.PAYROLL.id }) },
  },
  caoUnravelSchedule: {
    document: 'query ($id: ID!) { caoUnravelSchedule(id: $id) { id name versions { validFrom } } }',
    owners: { own: (s) => byId(s.world.schedule.id), otherAgency: (s) => byId(s.other.schedule.id) },
  },
  caoScheduleChangeImpact: {
    document: `query ($id: ID!, $draft: CaoUnravelScheduleVersionInput!) { caoScheduleChangeImpact(scheduleId: $id, draft: $draft, ${page}) {
      scheduleId totalCount placementsLookedAt nodes { declarationId week differences { hourCode differenceMinutes } } } }`,
    owners: {
      own: (s) => ({ variables: { id: s.world.schedule.id, draft: IMPACT_DRAFT }, expect: s.world.schedule.id }),
      otherAgency: (s) => ({ variables: { id: s.other.schedule.id, draft: IMPACT_DRAFT } }),
    },
  },
  caoUnravelSchedules: {
    document: `{ caoUnravelSchedules(${page}) { nodes { id name } } }`,
    owners: { none: (s) => ({ expect: s.world.schedule.id }) },
  },
  declaration: {
    document: `query ($id: ID!) { declaration(id: $id) { ${DECLARATION} timesheet { id } placement { id } } }`,
    owners: oneWeek('declarationId'),
  },
  declarationStatus: {
    document: `{ declarationStatus(first: 50) { nodes { ${WEEK} } } }`,
    owners: { none: (s) => ({ expect: s.world.weeks.waiting.id }) },
  },
  declarations: {
    document: `query ($filter: DeclarationFilterInput) { declarations(filter: $filter, ${page}) { nodes { ${DECLARATION} } } }`,
    owners: weekList('declarationId'),
  },
  declarationsAwaitingApproval: {
    document: `{ declarationsAwaitingApproval(${page}) { nodes { ${DECLARATION} } } }`,
    owners: { none: (s) => ({ expect: s.world.weeks.waiting.declarationId! }) },
  },
  defaultTimesheet: {
    document: `query ($placementId: ID) { defaultTimesheet(placementId: $placementId) { ${WEEK} } }`,
    owners: blueBar,
  },
  flexworker: {
    document: `query ($id: ID!) { flexworker(id: $id) { ${WORKER} } }`,
    owners: {
      own: (s) => byId(s.world.worker.id),
      hidden: (s) => byId(s.world.otherWorker.id),
      otherAgency: (s) => byId(s.other.worker.id),
    },
  },
  flexworkers: {
    document: `query ($filter: FlexworkerFilterInput) { flexworkers(filter: $filter, ${page}) { nodes { ${WORKER} } } }`,
    owners: {
      own: (s) => ({ variables: {}, expect: s.world.worker.id }),
      otherAgency: (s) => filtered({ search: s.other.worker.lastName }),
    },
  },
  openTimesheets: {
    document: `query ($placementId: ID) { openTimesheets(placementId: $placementId, ${page}) { nodes { ${WEEK} } } }`,
    owners: blueBar,
  },
  payrollExport: {
    document: 'query ($id: ID!) { payrollExport(id: $id) { id number status lineCount lines(first: 10) { nodes { flexworkerId workerName bsn minutes } } } }',
    owners: {
      own: (s) => byId(s.world.payrollExports.held),
      otherAgency: (s) => byId(s.other.payrollExports.held),
    },
  },
  changeRequests: {
    document: `{ changeRequests(${page}) { nodes { id status flexworkerId note rejectionReason proposed { fields phone ibanMasked } } } }`,
    owners: { none: () => ({}) },
  },
  myInformation: {
    document: '{ myInformation { flexworker { id fullName email phone bsnMasked ibanMasked version } agencyContact { name email phone } } }',
    owners: { none: (s) => ({ expect: s.world.worker.id }) },
  },
  messageThread: {
    document: 'query ($id: ID!) { messageThread(id: $id) { id subject status writerId unreadCount writer { id displayName } messages(first: 10) { nodes { id from text author { id displayName } } } } }',
    owners: {
      own: (s) => byId(ownThread(s, s.world)),
      hidden: (s) => byId(s.world.messageThreads.colleague),
      otherAgency: (s) => byId(ownThread(s, s.other)),
    },
  },
  messageThreads: {
    document: `{ messageThreads(${page}) { unreadCount nodes { id subject status writerId unreadCount writer { id displayName } } } }`,
    owners: { none: (s) => ({ expect: ownThread(s, s.world) }) },
  },
  mailMessages: {
    document: `{ mailMessages(${page}) { nodes { id kind status recipientEmail } } }`,
    owners: { none: () => ({}) },
  },
  payrollExports: {
    document: `{ payrollExports(${page}) { nodes { id number status } } }`,
    owners: { none: (s) => ({ expect: s.world.payrollExports.held }) },
  },
  payslips: {
    document: `query ($flexworkerId: ID) { payslips(flexworkerId: $flexworkerId, ${page}) { nodes { id flexworkerId periodStart payDate version downloadUrl } } }`,
    owners: workerDocuments((w) => w.documents.payslipId),
  },
  placement: {
    document: `query ($id: ID!) { placement(id: $id) { ${PLACEMENT} } }`,
    owners: {
      own: (s) => byId(s.world.sides.worker.placementId),
      hidden: (s) => byId(s.world.hiddenPlacementId),
      otherAgency: (s) => byId(s.other.sides.worker.placementId),
    },
  },
  placements: {
    document: `query ($filter: PlacementFilterInput) { placements(filter: $filter, ${page}) { nodes { ${PLACEMENT} } } }`,
    owners: {
      own: (s) => ({ variables: {}, expect: s.world.sides.worker.placementId }),
      hidden: (s) => filtered({ flexworkerId: s.world.otherWorker.id }),
      otherAgency: (s) => filtered({ flexworkerId: s.other.worker.id }),
    },
  },
  relation: {
    document: `query ($id: ID!) { relation(id: $id) { ${RELATION} } }`,
    owners: {
      own: (s) => byId(s.world.relation.id),
      hidden: (s) => byId(s.world.otherRelation.id),
      otherAgency: (s) => byId(s.other.relation.id),
    },
  },
  relations: {
    document: `query ($filter: RelationFilterInput) { relations(filter: $filter, ${page}) { nodes { ${RELATION} } } }`,
    owners: {
      own: (s) => ({ variables: {}, expect: s.world.relation.id }),
      hidden: (s) => filtered({ search: s.world.otherRelation.name }),
      otherAgency: (s) => filtered({ search: s.other.relation.name }),
    },
  },
  // The consent statement names the document by its title.
  signingConsent: {
    document: 'query ($signingRequestId: ID!) { signingConsent(signingRequestId: $signingRequestId) { version language text } }',
    owners: signingById('signingRequestId', () => 'Matrix contract to read'),
  },
  signingRequest: {
    document: `query ($id: ID!) { signingRequest(id: $id) { ${SIGNING} } }`,
    owners: signingById('id', (w) => w.signing.toRead),
  },
  signingRequests: {
    document: `query ($flexworkerId: ID) { signingRequests(flexworkerId: $flexworkerId, ${page}) { nodes { ${SIGNING} } } }`,
    owners: workerDocuments((w) => w.signing.toRead),
  },
  timesheet: {
    document: `query ($id: ID!) { timesheet(id: $id) { ${WEEK} } }`,
    owners: oneWeek('id'),
  },
  timesheetForWeek: {
    document: `query ($placementId: ID!, $week: IsoWeek!) { timesheetForWeek(placementId: $placementId, week: $week) { ${WEEK} } }`,
    owners: {
      own: (s) => weekOf(side(s, 'own').read),
      otherParty: (s) => weekOf(side(s, 'otherParty').read),
      hidden: (s) => weekOf(s.world.weeks.hiddenSubmitted),
      otherAgency: (s) => weekOf(side(s, 'own', s.other).read),
    },
  },
  timesheets: {
    document: `query ($filter: TimesheetFilterInput) { timesheets(filter: $filter, ${page}) { nodes { ${WEEK} } } }`,
    owners: weekList('id'),
  },
  viewer: {
    document: '{ viewer { id agencyId role flexworkerId relationId email } }',
    owners: { none: (s) => ({ expect: s.caller === 'anonymous' ? undefined : s.world.callers[s.caller].id }) },
  },
};
