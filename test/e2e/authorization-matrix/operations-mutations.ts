import { CONSENT_VERSION } from '../../../src/application/signing/consent';
import { TEST_PASSWORD, unique } from '../../support/test-app';
import { CellRequest, DECLARATION, OperationSpec, PLACEMENT, RELATION, Scene, side, SIGNING, WEEK, WORKER } from './scene';
import { ownThread } from './operations-queries';
import { World } from './world';
import { days, WeekRef } from './world-weeks';

/*
 * The request of every mutation of the matrix, per owner kind. Each change the matrix allows
 * has an object of its own in the world (a week per decision, a spare API key, spare logins),
 * and changes it the way staff would without changing what another cell reads: the same name
 * again, an end date years ahead, a schedule version in 2027.
 */

const input = (value: Record<string, unknown>, expect?: string): CellRequest => ({ variables: { input: value }, expect });

/** Staff's own object, or the same kind of object in the other agency. */
const staffObject = (request: (world: World, own: World) => CellRequest) => ({
  own: (s: Scene) => request(s.world, s.world),
  otherAgency: (s: Scene) => request(s.other, s.world),
});

/** A change of one object (by `id` in the input) that only staff make. */
const staffChange = (objectOf: (w: World) => { id: string }, hiddenOf: (w: World) => { id: string }, change: (w: World) => Record<string, unknown>) => ({
  own: (s: Scene) => input({ id: objectOf(s.world).id, ...change(s.world) }, objectOf(s.world).id),
  hidden: (s: Scene) => input({ id: hiddenOf(s.world).id, ...change(s.world) }),
  otherAgency: (s: Scene) => input({ id: objectOf(s.other).id, ...change(s.world) }),
});

/** A decision of the relation on the declaration of one of `world`'s weeks. */
const decision = (week: (w: World) => WeekRef, extra: Record<string, unknown>, ids: boolean) => {
  const of = (ref: WeekRef) => input(ids ? { declarationIds: [ref.declarationId], ...extra } : { declarationId: ref.declarationId, ...extra }, ref.declarationId!);
  return {
    own: (s: Scene) => of(week(s.world)),
    hidden: (s: Scene) => of(s.world.weeks.hiddenSubmitted),
    otherAgency: (s: Scene) => of(week(s.other)),
  };
};

/** Hours entered into a week: the caller's own (`pick` of its side), the other party's, a colleague's, another agency's. */
const enterHours = (pick: 'draft' | 'toSubmit', extra: Record<string, unknown>) => {
  const of = (ref: WeekRef) => input({ timesheetId: ref.id, expectedVersion: ref.version, days: days(ref.kind, ref.monday, '7:00'), ...extra }, ref.id);
  return {
    own: (s: Scene) => of(side(s, 'own')[pick]),
    otherParty: (s: Scene) => of(side(s, 'otherParty')[pick]),
    hidden: (s: Scene) => of(s.world.weeks.hiddenOpen),
    otherAgency: (s: Scene) => of(side(s, 'own', s.other)[pick]),
  };
};

const none = (request: (s: Scene) => CellRequest) => ({ none: request });
const callerId = (s: Scene) => (s.caller === 'anonymous' ? undefined : s.world.callers[s.caller].id);

/**
 * A step on an export: the caller's own export of its world (each settling caller has one of its
 * own, empty, so that no cell changes what another reads), or the same export of the other agency.
 */
const exportStep = (pick: (w: World, s: Scene) => string) => ({
  own: (s: Scene) => input({ exportId: pick(s.world, s) }, pick(s.world, s)),
  otherAgency: (s: Scene) => input({ exportId: pick(s.other, s) }),
});
const EXPORT = 'payrollExport { id number status }';

/** A step in a conversation: the caller's own thread, a colleague's, the same thread of the other agency. */
const threadStep = (extra: Record<string, unknown>) => ({
  own: (s: Scene) => input({ threadId: ownThread(s, s.world), ...extra }, ownThread(s, s.world)),
  hidden: (s: Scene) => input({ threadId: s.world.messageThreads.colleague, ...extra }),
  otherAgency: (s: Scene) => input({ threadId: ownThread(s, s.other), ...extra }),
});

/** A step of the worker on a document to sign: one of their own (`pick`), the colleague's, the same one of the other agency. */
const workerSigningStep = (pick: (w: World) => string, extra: Record<string, unknown>) => ({
  own: (s: Scene) => input({ id: pick(s.world), ...extra }, pick(s.world)),
  hidden: (s: Scene) => input({ id: s.world.signing.hidden, ...extra }),
  otherAgency: (s: Scene) => input({ id: pick(s.other), ...extra }),
});

export const MUTATION_SPECS: Readonly<Record<string, OperationSpec>> = {
  addCaoUnravelScheduleVersion: {
    document: 'mutation ($input: AddCaoUnravelScheduleVersionInput!) { addCaoUnravelScheduleVersion(input: $input) { caoUnravelSchedule { id versions { validFrom } } } }',
    owners: staffObject((w) =>
      input({ scheduleId: w.schedule.id, expectedVersion: w.schedule.version, version: { validFrom: '2027-01-04', hourCodes: { normal: 'U100' } } }, w.schedule.id),
    ),
  },
  approveDeclarations: {
    document: `mutation ($input: ApproveDeclarationsInput!) { approveDeclarations(input: $input) { declarations { ${DECLARATION} } } }`,
    owners: decision((w) => w.weeks.toApprove, {}, true),
  },
  approveChangeRequest: {
    document: 'mutation ($input: ApproveChangeRequestInput!) { approveChangeRequest(input: $input) { changeRequest { id status } flexworker { id phone } } }',
    owners: staffObject((w) => input({ id: w.changeRequests.toApprove }, w.changeRequests.toApprove)),
  },
  rejectChangeRequest: {
    document: 'mutation ($input: RejectChangeRequestInput!) { rejectChangeRequest(input: $input) { changeRequest { id status rejectionReason } } }',
    owners: staffObject((w) => input({ id: w.changeRequests.toReject, reason: 'Matrix says no' }, w.changeRequests.toReject)),
  },
  startMessageThread: {
    document: 'mutation ($input: StartMessageThreadInput!) { startMessageThread(input: $input) { thread { id status } message { id from } } }',
    owners: none(() => input({ subject: 'Matrix question', text: 'Is this allowed?' })),
  },
  writeMessage: {
    document: 'mutation ($input: WriteMessageInput!) { writeMessage(input: $input) { message { id from text } thread { id unreadCount } } }',
    owners: threadStep({ text: 'Matrix message' }),
  },
  markMessageThreadRead: {
    document: 'mutation ($input: MarkMessageThreadReadInput!) { markMessageThreadRead(input: $input) { thread { id unreadCount } } }',
    owners: threadStep({}),
  },
  closeMessageThread: {
    document: 'mutation ($input: CloseMessageThreadInput!) { closeMessageThread(input: $input) { thread { id status } } }',
    owners: staffObject((w) => input({ threadId: w.messageThreads.toClose }, w.messageThreads.toClose)),
  },
  requestPersonalDataChange: {
    document: 'mutation ($input: RequestPersonalDataChangeInput!) { requestPersonalDataChange(input: $input) { changeRequest { id status } } }',
    owners: none(() => input({ changes: { phone: '+31 6 9999 0000' }, note: 'Matrix request' })),
  },
  changeMyPassword: {
    document: 'mutation ($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) { token expiresAt } }',
    session: 'spareUser',
    owners: none(() => input({ currentPassword: TEST_PASSWORD, newPassword: unique('A new matrix password ') })),
  },
  correctDeclaration: {
    document: `mutation ($input: CorrectDeclarationInput!) { correctDeclaration(input: $input) { declaration { ${DECLARATION} } } }`,
    owners: {
      ...staffObject((w) => {
        const ref = w.weeks.toCorrect;
        return input({ declarationId: ref.declarationId, expectedVersion: ref.version, days: days(ref.kind, ref.monday, '6:00'), reason: 'Matrix correction' }, ref.id);
      }),
      hidden: (s) => {
        const ref = s.world.weeks.hiddenSubmitted;
        return input({ declarationId: ref.declarationId, expectedVersion: ref.version, days: days(ref.kind, ref.monday, '6:00'), reason: 'Matrix correction' });
      },
    },
  },
  createApiClient: {
    document: 'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey apiClient { id name } } }',
    owners: none(() => input({ name: unique('Matrix key ') })),
  },
  createCaoUnravelSchedule: {
    document: 'mutation ($input: CreateCaoUnravelScheduleInput!) { createCaoUnravelSchedule(input: $input) { caoUnravelSchedule { id name } } }',
    owners: none(() => input({ name: unique('Matrix schedule '), versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U100' } }] })),
  },
  createFlexworker: {
    document: `mutation ($input: CreateFlexworkerInput!) { createFlexworker(input: $input) { flexworker { ${WORKER} } } }`,
    owners: none(() => input({ firstName: 'Mira', lastName: unique('Matrix'), email: `${unique('matrix-new')}@example.com` })),
  },
  createPlacement: {
    document: `mutation ($input: CreatePlacementInput!) { createPlacement(input: $input) { placement { ${PLACEMENT} } } }`,
    // The worker named is the other agency's when the owner is; the relation is always the caller's.
    owners: staffObject((w, own) =>
      input(
        { flexworkerId: w.placeableWorker.id, relationId: own.otherRelation.id, startDate: '2026-11-02', functionName: 'Matrix', hourCodes: [{ code: 'H100', percentage: 100 }] },
        w.placeableWorker.id,
      ),
    ),
  },
  createRelation: {
    document: `mutation ($input: CreateRelationInput!) { createRelation(input: $input) { relation { ${RELATION} } } }`,
    owners: none(() => input({ name: unique('Matrix relation ') })),
  },
  // The worker named is the other agency's when the owner is; the upload is always the caller's own.
  createSigningRequest: {
    document: `mutation ($input: CreateSigningRequestInput!) { createSigningRequest(input: $input) { signingRequest { ${SIGNING} } } }`,
    owners: staffObject((w, own) => input({ flexworkerId: w.worker.id, title: 'Matrix contract', uploadId: own.uploads.staffCreate }, w.worker.id)),
  },
  declineSigningRequest: {
    document: `mutation ($input: DeclineSigningRequestInput!) { declineSigningRequest(input: $input) { signingRequest { ${SIGNING} } } }`,
    owners: workerSigningStep((w) => w.signing.toDecline, { reason: 'Matrix: the wage is wrong' }),
  },
  createUser: {
    document: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
    owners: staffObject((w) =>
      input({ email: `${unique('matrix-user')}@example.com`, displayName: 'Matrix contact', role: 'RELATION_CONTACT', relationId: w.otherRelation.id, password: TEST_PASSWORD }),
    ),
  },
  endPlacement: {
    document: `mutation ($input: EndPlacementInput!) { endPlacement(input: $input) { placement { ${PLACEMENT} endDate } } }`,
    owners: staffChange((w) => ({ id: w.sides.worker.placementId }), (w) => ({ id: w.hiddenPlacementId }), () => ({ endDate: '2027-12-31' })),
  },
  login: {
    document: 'mutation ($input: LoginInput!) { login(input: $input) { token viewer { id agencyId role } } }',
    // Anonymous logs in as the worker, the payroll key's request as staff: the token sent does not matter.
    owners: none((s) => {
      const role = s.caller === 'anonymous' ? 'FLEXWORKER' : s.caller === 'PAYROLL' ? 'AGENCY_STAFF' : s.caller;
      const login = s.world.callers[role];
      return input({ email: login.email, password: TEST_PASSWORD }, login.id);
    }),
  },
  requestPasswordReset: {
    document: 'mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }',
    // The same answer for every caller and every address; the token sent does not matter.
    owners: none((s) => input({ email: s.world.spareUsers.AGENCY_STAFF.email! })),
  },
  resetPassword: {
    document: 'mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { token viewer { id role } } }',
    // The reset mail's token is the credential: each caller has one of its own (it works once).
    owners: none((s) => input({ token: s.world.resetTokens[s.caller], newPassword: unique('A reset matrix password ') })),
  },
  inviteUser: {
    document: 'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { user { id } invitation { id state } } }',
    owners: staffObject((w) => input({ relationId: w.otherRelation.id, email: `${unique('matrix-invite')}@example.com`, name: 'Matrix invitee' })),
  },
  resendInvitation: {
    document: 'mutation ($input: ResendInvitationInput!) { resendInvitation(input: $input) { user { id } invitation { id state } } }',
    owners: staffObject((w) => input({ userId: w.invitees.resend }, w.invitees.resend)),
  },
  revokeInvitation: {
    document: 'mutation ($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { user { id } invitation { id state } } }',
    owners: staffObject((w) => input({ userId: w.invitees.revoke }, w.invitees.revoke)),
  },
  acceptInvitation: {
    document: 'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token viewer { id role } landing { week } } }',
    // The invitation mail's token is the credential: each caller has one of its own (it works once).
    owners: none((s) => input({ token: s.world.invitationTokens[s.caller], password: unique('An invitation matrix password ') })),
  },
  logout: {
    document: 'mutation { logout { sessionEnded } }',
    session: 'spareSession',
    owners: none(() => ({})),
  },
  rejectDeclaration: {
    document: `mutation ($input: RejectDeclarationInput!) { rejectDeclaration(input: $input) { declaration { ${DECLARATION} } } }`,
    owners: decision((w) => w.weeks.toReject, { reason: 'Matrix: not these hours' }, false),
  },
  cancelPayrollExport: {
    document: `mutation ($input: CancelPayrollExportInput!) { cancelPayrollExport(input: $input) { ${EXPORT} } }`,
    owners: exportStep((w, s) => (s.caller === 'AGENCY_STAFF' ? w.payrollExports.cancelledByStaff : w.payrollExports.cancelledByPayroll)),
  },
  confirmPayrollExport: {
    document: `mutation ($input: ConfirmPayrollExportInput!) { confirmPayrollExport(input: $input) { ${EXPORT} } }`,
    owners: exportStep((w) => w.payrollExports.confirmed),
  },
  createPayrollExport: {
    document: `mutation ($input: CreatePayrollExportInput!) { createPayrollExport(input: $input) { created ${EXPORT} } }`,
    owners: none(() => input({ idempotencyKey: unique('matrix-') })),
  },
  revokeApiClient: {
    document: 'mutation ($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { apiClient { id name revokedAt } } }',
    owners: staffObject((w) => input({ id: w.spareApiClientId }, w.spareApiClientId)),
  },
  saveAndApproveTimesheet: {
    document: `mutation ($input: SaveAndApproveTimesheetInput!) { saveAndApproveTimesheet(input: $input) { timesheet { ${WEEK} } } }`,
    owners: enterHours('toSubmit', { confirm: true }),
  },
  saveTimesheet: {
    document: `mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { timesheet { ${WEEK} } } }`,
    owners: enterHours('draft', {}),
  },
  signDocument: {
    document: `mutation ($input: SignDocumentInput!) { signDocument(input: $input) { signingRequest { ${SIGNING} } } }`,
    owners: workerSigningStep((w) => w.signing.toSign, { currentPassword: TEST_PASSWORD, consent: true, consentVersion: CONSENT_VERSION }),
  },
  updateAgencySettings: {
    document: 'mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { id name } } }',
    owners: none((s) => input({ name: s.world.agency.name }, s.world.agency.id)),
  },
  updateFlexworker: {
    document: `mutation ($input: UpdateFlexworkerInput!) { updateFlexworker(input: $input) { flexworker { ${WORKER} } } }`,
    owners: staffChange((w) => w.worker, (w) => w.otherWorker, (w) => ({ firstName: w.worker.firstName })),
  },
  updateMySettings: {
    document: 'mutation ($input: UpdateMySettingsInput!) { updateMySettings(input: $input) { viewer { id language role } } }',
    owners: none((s) => input({ language: 'EN' }, callerId(s))),
  },
  updatePlacement: {
    document: `mutation ($input: UpdatePlacementInput!) { updatePlacement(input: $input) { placement { ${PLACEMENT} } } }`,
    owners: staffChange((w) => ({ id: w.sides.worker.placementId }), (w) => ({ id: w.hiddenPlacementId }), () => ({ functionName: 'Order picker' })),
  },
  updateRelation: {
    document: `mutation ($input: UpdateRelationInput!) { updateRelation(input: $input) { relation { ${RELATION} } } }`,
    owners: staffChange((w) => w.relation, (w) => w.otherRelation, (w) => ({ name: w.relation.name })),
  },
  // Each caller checks a PDF it uploaded itself (the others send staff's: their role is refused first).
  verifySignedDocument: {
    document: 'mutation ($input: VerifySignedDocumentInput!) { verifySignedDocument(input: $input) { verification { issuedByThisServer intact problem signingRequest { id } } } }',
    owners: none((s) => input({ uploadId: s.caller === 'FLEXWORKER' ? s.world.uploads.workerVerify : s.world.uploads.staffVerify })),
  },
  withdrawSigningRequest: {
    document: `mutation ($input: WithdrawSigningRequestInput!) { withdrawSigningRequest(input: $input) { signingRequest { ${SIGNING} } } }`,
    owners: staffObject((w) => input({ id: w.signing.toWithdraw }, w.signing.toWithdraw)),
  },
};
