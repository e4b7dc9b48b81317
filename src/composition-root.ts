import 'reflect-metadata';
import { createServer, Server } from 'node:http';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { GraphQLSchema } from 'graphql';
import { ContainerType } from 'type-graphql';
import { AuthenticateUseCase } from './application/identity/authenticate.use-case';
import { ChangePasswordUseCase } from './application/identity/change-password.use-case';
import { CreateApiClientUseCase } from './application/identity/create-api-client.use-case';
import { CreateUserUseCase } from './application/identity/create-user.use-case';
import { GetViewerUseCase } from './application/identity/get-viewer.use-case';
import { LoginUseCase } from './application/identity/login.use-case';
import { LogoutUseCase } from './application/identity/logout.use-case';
import { ListApiClientsUseCase, RevokeApiClientUseCase } from './application/identity/manage-api-clients.use-case';
import { SessionStarter } from './application/identity/session-starter';
import { UpdateMySettingsUseCase } from './application/identity/update-my-settings.use-case';
import { Clock } from './application/ports/clock';
import { Logger } from './application/ports/logger';
import { createApolloServer, graphqlHandler } from './graphql/apollo-server';
import { IdentityResolver } from './graphql/identity/identity.resolver';
import { buildGraphqlSchema, ResolverClass } from './graphql/schema';
import { Config } from './infrastructure/config/config';
import { resolveFieldEncryptionKey } from './infrastructure/config/field-encryption-key';
import { FieldCipher } from './infrastructure/crypto/field-cipher';
import { DatabaseContext } from './infrastructure/database/database-context';
import { TypeormWorkerHoursLock } from './infrastructure/database/timesheet/typeorm-worker-hours-lock';
import { TypeormApiClientRepository } from './infrastructure/database/identity/typeorm-api-client.repository';
import { TypeormSessionRepository } from './infrastructure/database/identity/typeorm-session.repository';
import { TypeormUserRepository } from './infrastructure/database/identity/typeorm-user.repository';
import { openDatabase, OpenDatabase } from './infrastructure/database/open-database';
import { isDatabaseUnavailable } from './infrastructure/database/postgres-errors';
import { createHttpApp } from './infrastructure/http/http-app';
import { portalRoutes } from './infrastructure/http/portal-routes';
import { InvalidationListener, InvalidationSource } from './infrastructure/database/invalidation-listener';
import { CachedUserRepository } from './infrastructure/database/identity/cached-user.repository';
import { CachedAgencyRepository } from './infrastructure/database/organisation/cached-agency.repository';
import { CachedFlexworkerRepository, CachedPlacementRepository, CachedRelationRepository } from './infrastructure/database/organisation/cached-organisation.repositories';
import { CachedCaoScheduleRepository } from './infrastructure/database/cao-schedule/cached-cao-schedule.repository';
import { CaoScheduleRepository } from './application/ports/cao-schedule.repository';
import { FlexworkerRepository } from './application/ports/flexworker.repository';
import { PlacementRepository } from './application/ports/placement.repository';
import { RelationRepository } from './application/ports/relation.repository';
import { Metrics } from './infrastructure/observability/metrics';
import { CachedAuthentication } from './infrastructure/security/cached-authentication';
import { rateLimit } from './infrastructure/http/rate-limit';
import { PostgresRateLimitCounters } from './infrastructure/rate-limit/postgres-rate-limit-counters';
import { I18nextTranslator } from './infrastructure/i18n/i18next-translator';
import { DemoIds, DemoSeedDeps, seedDemo } from './infrastructure/demo/demo-seed';
import { createLogger } from './infrastructure/logging/pino-logger';
import { Argon2PasswordHasher } from './infrastructure/security/argon2-password-hasher';
import { BundledCommonPasswords } from './infrastructure/security/bundled-common-passwords';
import { CryptoSecretGenerator } from './infrastructure/security/crypto-secret-generator';
import { SystemClock } from './infrastructure/system/system-clock';
import { UuidIdGenerator } from './infrastructure/system/uuid-id-generator';
import { ChangeFlexworkerLanguage } from './application/organisation/change-flexworker-language.use-case';
import { CreateFlexworker } from './application/organisation/create-flexworker.use-case';
import { CreatePlacement } from './application/organisation/create-placement.use-case';
import { CreateRelation } from './application/organisation/create-relation.use-case';
import { EndPlacement } from './application/organisation/end-placement.use-case';
import { GetAgency } from './application/organisation/get-agency.use-case';
import { GetFlexworker } from './application/organisation/get-flexworker.use-case';
import { GetFlexworkersByIds } from './application/organisation/get-flexworkers-by-ids.use-case';
import { GetPlacement } from './application/organisation/get-placement.use-case';
import { GetRelation } from './application/organisation/get-relation.use-case';
import { GetRelationsByIds } from './application/organisation/get-relations-by-ids.use-case';
import { ListFlexworkers } from './application/organisation/list-flexworkers.use-case';
import { ListPlacements } from './application/organisation/list-placements.use-case';
import { ListRelations } from './application/organisation/list-relations.use-case';
import { UpdateAgencySettings } from './application/organisation/update-agency-settings.use-case';
import { UpdateFlexworker } from './application/organisation/update-flexworker.use-case';
import { UpdatePlacement } from './application/organisation/update-placement.use-case';
import { UpdateRelation } from './application/organisation/update-relation.use-case';
import { loadersFactory } from './graphql/loaders';
import { AddCaoScheduleVersion } from './application/cao-schedule/add-cao-schedule-version.use-case';
import { CreateCaoSchedule } from './application/cao-schedule/create-cao-schedule.use-case';
import { GetCaoSchedule } from './application/cao-schedule/get-cao-schedule.use-case';
import { GetCaoSchedulesByIds } from './application/cao-schedule/get-cao-schedules-by-ids.use-case';
import { ListCaoSchedules } from './application/cao-schedule/list-cao-schedules.use-case';
import { CaoScheduleResolver, PlacementCaoScheduleResolver } from './graphql/cao-schedule/cao-schedule.resolver';
import { CaoScheduleImpactResolver } from './graphql/cao-schedule/cao-schedule-impact.resolver';
import { CaoScheduleChangeImpactQuery } from './application/cao-schedule/cao-schedule-change-impact.use-case';
import { TypeormCaoScheduleRepository } from './infrastructure/database/cao-schedule/typeorm-cao-schedule.repository';
import { OrganisationResolver, PlacementFieldsResolver } from './graphql/organisation/organisation.resolver';
import { TypeormAgencyRepository } from './infrastructure/database/organisation/typeorm-agency.repository';
import { TypeormFlexworkerRepository } from './infrastructure/database/organisation/typeorm-flexworker.repository';
import { TypeormPlacementRepository } from './infrastructure/database/organisation/typeorm-placement.repository';
import { TypeormRelationRepository } from './infrastructure/database/organisation/typeorm-relation.repository';
import { ApproveTimesheet, SaveTimesheet } from './application/timesheet/enter-hours.use-case';
import { CorrectDeclaration } from './application/timesheet/correct-declaration.use-case';
import { PaymentPlanner } from './application/timesheet/payment-planner';
import { ApproveDeclarations, RejectDeclaration } from './application/timesheet/relation-approval.use-case';
import {
  DEFAULT_OPEN_WEEKS,
  GetDefaultTimesheet,
  GetTimesheet,
  GetTimesheetForWeek,
  GetTimesheetsByIds,
  ListOpenTimesheets,
  OpenWeeksSettings,
} from './application/timesheet/timesheet-queries.use-case';
import { DateWindowPolicy } from './application/shared/date-window';
import { LocalDate } from './domain/time/local-date.value-object';
import { WeekCalculator } from './application/timesheet/week-calculator';
import { WeekDeps } from './application/timesheet/week-deps';
import {
  DeclarationStatusOverview,
  GetDeclaration,
  GetDeclarationsByIds,
  ListAuditEntriesOfTimesheets,
  ListDeclarations,
  ListDeclarationsOfTimesheets,
  ListTimesheets,
} from './application/timesheet/week-lists.use-case';
import { GetPlacementsByIds } from './application/organisation/get-placements-by-ids.use-case';
import { ExplanationFieldsResolver } from './graphql/timesheet/breakdown.types';
import { DeclarationFieldsResolver, TimesheetFieldsResolver } from './graphql/timesheet/timesheet-fields.resolver';
import { TimesheetResolver } from './graphql/timesheet/timesheet.resolver';
import { AuditEntryPeopleResolver, DeclarationPeopleResolver, RejectionPeopleResolver } from './graphql/timesheet/week-people.resolver';
import { HourKindTotalLabelResolver, HourLineLabelResolver, HourTotalLabelResolver } from './graphql/timesheet/hour-labels.resolver';
import { GetPersonsByIds } from './application/identity/get-persons-by-ids.use-case';
import { TypeormPersonDirectory } from './infrastructure/database/identity/typeorm-person-directory';
import { DateHolidaysNationalHolidays } from './infrastructure/calendar/date-holidays-national-holidays';
import { LuxonTimeZoneRules } from './infrastructure/calendar/luxon-time-zone-rules';
import { LuxonZonedTime } from './infrastructure/calendar/luxon-zoned-time';
import { TypeormAuditTrailRepository } from './infrastructure/database/timesheet/typeorm-audit-trail.repository';
import { TypeormDeclarationRepository } from './infrastructure/database/timesheet/typeorm-declaration.repository';
import { TypeormTimesheetRepository } from './infrastructure/database/timesheet/typeorm-timesheet.repository';
import { TypeormWorkerHoursRepository } from './infrastructure/database/timesheet/typeorm-worker-hours.repository';
import { WorkingTimeSignalsOfTimesheets } from './application/timesheet/working-time-signals.use-case';
import { PayrollDeps } from './application/payroll/payroll-deps';
import { CreatePayrollExport } from './application/payroll/create-payroll-export.use-case';
import { CancelPayrollExport, ConfirmPayrollExport } from './application/payroll/settle-payroll-export.use-case';
import {
  ExportsOfDeclarations,
  GetPayrollExport,
  ListPayrollExportLines,
  ListPayrollExports,
  StreamPayrollExportLines,
} from './application/payroll/payroll-export-queries.use-case';
import { TypeormPayrollExportRepository } from './infrastructure/database/payroll/typeorm-payroll-export.repository';
import { BsnsForPayroll } from './application/organisation/payroll-bsn';
import { DeclarationPayrollResolver, PayrollExportFieldsResolver, PayrollResolver } from './graphql/payroll/payroll.resolver';
import { payrollDownloadRouter } from './infrastructure/http/payroll-download';
import { databaseTraits, DatabaseTraits } from './infrastructure/database/database-traits';
import { DEFAULT_DOCUMENT_SETTINGS, DocumentDeps } from './application/document/document-deps';
import { OpenDocumentLink } from './application/document/document-link.use-case';
import { DeleteExpiredUploads } from './application/upload/delete-expired-uploads.use-case';
import { StoreUpload } from './application/upload/store-upload.use-case';
import { UploadDeps } from './application/upload/upload-deps';
import { TypeormUploadRepository } from './infrastructure/database/upload/typeorm-upload.repository';
import { TypeormSigningRequestRepository } from './infrastructure/database/signing/typeorm-signing-request.repository';
import { createPdfSealer } from './infrastructure/signing/sealing-certificate';
import { PostgresSealStore } from './infrastructure/database/signing/postgres-seal-store';
import { PdfSealer } from './application/ports/pdf-sealer';
import { SigningDeps } from './application/signing/signing-deps';
import { CreateSigningRequest } from './application/signing/create-signing-request.use-case';
import { DeclineSigningRequest, WithdrawSigningRequest } from './application/signing/decide-signing-request.use-case';
import { GetSigningConsent } from './application/signing/get-signing-consent.use-case';
import { GetSigningRequest, ListSigningRequests } from './application/signing/list-signing-requests.use-case';
import { SignDocument } from './application/signing/sign-document.use-case';
import { VerifySignedDocument } from './application/signing/verify-signed-document.use-case';
import { signingLinkTargets } from './application/signing/signing-links';
import { SigningResolver } from './graphql/signing/signing.resolver';
import { attachmentLinkTarget, MessageAttachmentLinks } from './application/message/message-attachments';
import { ListDocuments } from './application/document/list-documents.use-case';
import { UploadDocument } from './application/document/upload-document.use-case';
import { DocumentStore } from './application/ports/document-store';
import { DocumentResolver } from './graphql/document/document.resolver';
import { DownloadUrlOf } from './graphql/document/document.types';
import { TypeormDocumentRepository } from './infrastructure/database/document/typeorm-document.repository';
import { FsDocumentStore } from './infrastructure/documents/fs-document-store';
import { HmacDocumentLinkSigner } from './infrastructure/documents/hmac-document-link-signer';
import { PdfLibPdfInspector } from './infrastructure/documents/pdf-lib-pdf-inspector';
import { PostgresDocumentStore } from './infrastructure/documents/postgres-document-store';
import { DOCUMENT_LINK_PATH, documentRoutes } from './infrastructure/http/document-routes';
import { TypeormMailOutbox } from './infrastructure/database/mail/typeorm-mail-outbox';
import { ConfigPortalLinks } from './infrastructure/mail/config-portal-links';
import { LoginThrottle } from './application/identity/login-throttle';
import { RequestPasswordResetUseCase } from './application/identity/request-password-reset.use-case';
import { ResetPasswordUseCase } from './application/identity/reset-password.use-case';
import { TypeormPasswordResetRepository } from './infrastructure/database/identity/typeorm-password-reset.repository';
import { PostgresAttemptCounters } from './infrastructure/rate-limit/postgres-attempt-counters';
import { addressKey } from './infrastructure/http/rate-limit-address';
import { DeliverMail } from './application/mail/deliver-mail.use-case';
import { ListMailMessages } from './application/mail/list-mail-messages.use-case';
import { TypeormMailMessageDirectory } from './infrastructure/database/mail/typeorm-mail-message-directory';
import { MailResolver } from './graphql/mail/mail.resolver';
import { ChangeRequestDeps } from './application/change-request/change-request-deps';
import { ApproveChangeRequest, RejectChangeRequest } from './application/change-request/decide-change-request.use-case';
import { GetMyInformation } from './application/change-request/get-my-information.use-case';
import { ListChangeRequests } from './application/change-request/list-change-requests.use-case';
import { SubmitChangeRequest } from './application/change-request/submit-change-request.use-case';
import { TypeormChangeRequestRepository } from './infrastructure/database/change-request/typeorm-change-request.repository';
import { ChangeRequestResolver } from './graphql/change-request/change-request.resolver';
import { MessageDeps } from './application/message/message-deps';
import { StartMessageThread } from './application/message/start-message-thread.use-case';
import { WriteMessage } from './application/message/write-message.use-case';
import { CloseMessageThread, MarkMessageThreadRead } from './application/message/manage-message-thread.use-case';
import { GetMessageThread, ListMessages, ListMessageThreads } from './application/message/message-queries.use-case';
import { TypeormMessageThreadRepository } from './infrastructure/database/message/typeorm-message-thread.repository';
import { MessageFieldsResolver, MessageResolver, MessageThreadFieldsResolver } from './graphql/message/message.resolver';
import { MailSender } from './application/ports/mail-delivery';
import { TypeormMailQueue } from './infrastructure/database/mail/typeorm-mail-queue';
import { I18nMailRenderer } from './infrastructure/mail/i18n-mail-renderer';
import { EmlFileMailSender, SmtpMailSender } from './infrastructure/mail/nodemailer-mail-sender';
import { JobDefinition } from './infrastructure/jobs/job-definition';
import { startJobRunner, JobRunner } from './infrastructure/jobs/pg-boss-job-runner';
import { HoursReminderSettings, SendDueReminders, SendDueRemindersDeps } from './application/reminder/send-due-reminders.use-case';
import { TypeormHoursReminderRepository } from './infrastructure/database/reminder/typeorm-hours-reminder.repository';
import { hoursRemindersJob } from './infrastructure/jobs/hours-reminders.job';
import { InvitationSender } from './application/identity/invitations';
import { InviteUser } from './application/identity/invite-user.use-case';
import { ResendInvitation, RevokeInvitation } from './application/identity/manage-invitation.use-case';
import { AcceptInvitation } from './application/identity/accept-invitation.use-case';
import { AccountStates } from './application/identity/account-states.use-case';
import { DeleteOldTokens } from './application/identity/delete-old-tokens.use-case';
import { FlexworkerAccountResolver, RelationContactsResolver } from './graphql/identity/account.resolver';
import { TypeormInvitationRepository } from './infrastructure/database/identity/typeorm-invitation.repository';

export interface StartOptions {
  readonly config: Config;
  /** Tests travel in time with their own clock. */
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Tests that share one database: the delivery and reminder jobs take only these agencies (default: every agency). */
  readonly mailAgencies?: () => readonly string[];
  /** /metrics answers with this text instead of the process's own (the cluster's primary gathers all processes'). */
  readonly metricsText?: (own: Metrics) => Promise<string>;
}

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  readonly database: OpenDatabase;
  readonly services: Services;
  readonly metrics: Metrics;
  /** Who a token belongs to, through this process's cache. */
  readonly authentication: CachedAuthentication;
  stop(): Promise<void>;
}

export type Services = ReturnType<typeof createServices>;

const RESOLVERS: [ResolverClass, ...ResolverClass[]] = [
  IdentityResolver,
  OrganisationResolver,
  PlacementFieldsResolver,
  CaoScheduleResolver,
  CaoScheduleImpactResolver,
  PlacementCaoScheduleResolver,
  TimesheetResolver,
  TimesheetFieldsResolver,
  DeclarationFieldsResolver,
  ExplanationFieldsResolver,
  RejectionPeopleResolver,
  DeclarationPeopleResolver,
  AuditEntryPeopleResolver,
  HourLineLabelResolver,
  HourTotalLabelResolver,
  HourKindTotalLabelResolver,
  PayrollResolver,
  PayrollExportFieldsResolver,
  DeclarationPayrollResolver,
  DocumentResolver,
  MailResolver,
  FlexworkerAccountResolver,
  RelationContactsResolver,
  ChangeRequestResolver,
  SigningResolver,
  MessageResolver,
  MessageThreadFieldsResolver,
  MessageFieldsResolver,
];

/** The "your information" tab (issue 12): the worker's data and their change requests. */
function createChangeRequests(deps: ChangeRequestDeps) {
  return {
    getMyInformation: new GetMyInformation(deps),
    submitChangeRequest: new SubmitChangeRequest(deps),
    listChangeRequests: new ListChangeRequests(deps),
    approveChangeRequest: new ApproveChangeRequest(deps),
    rejectChangeRequest: new RejectChangeRequest(deps),
  };
}

/** The contact tab (issue 12): conversations between a worker or relation contact and their agency. */
function createMessages(deps: MessageDeps) {
  return {
    threads: deps.threads,
    startMessageThread: new StartMessageThread(deps),
    writeMessage: new WriteMessage(deps),
    markMessageThreadRead: new MarkMessageThreadRead(deps),
    closeMessageThread: new CloseMessageThread(deps),
    listMessageThreads: new ListMessageThreads(deps),
    getMessageThread: new GetMessageThread(deps),
    listMessages: new ListMessages(deps),
  };
}

/** The week's use cases (timesheets, declarations) over their ports. */
function createWeek(deps: WeekDeps, openWeeks: OpenWeeksSettings = DEFAULT_OPEN_WEEKS) {
  const listOpenTimesheets = new ListOpenTimesheets(deps, openWeeks);
  const useCases = {
    getTimesheet: new GetTimesheet(deps),
    getTimesheetsByIds: new GetTimesheetsByIds(deps),
    getTimesheetForWeek: new GetTimesheetForWeek(deps),
    listOpenTimesheets,
    getDefaultTimesheet: new GetDefaultTimesheet(deps, listOpenTimesheets),
    listTimesheets: new ListTimesheets(deps),
    declarationStatusOverview: new DeclarationStatusOverview(deps),
    getDeclaration: new GetDeclaration(deps),
    getDeclarationsByIds: new GetDeclarationsByIds(deps),
    listDeclarations: new ListDeclarations(deps),
    listDeclarationsOfTimesheets: new ListDeclarationsOfTimesheets(deps),
    listAuditEntriesOfTimesheets: new ListAuditEntriesOfTimesheets(deps),
    saveTimesheet: new SaveTimesheet(deps),
    approveTimesheet: new ApproveTimesheet(deps),
    approveDeclarations: new ApproveDeclarations(deps),
    rejectDeclaration: new RejectDeclaration(deps),
    correctDeclaration: new CorrectDeclaration(deps),
  };
  return { deps, useCases };
}

/** The payroll system's exports of approved hours (issue 10). */
function createPayroll(deps: PayrollDeps) {
  return {
    createPayrollExport: new CreatePayrollExport(deps),
    confirmPayrollExport: new ConfirmPayrollExport(deps),
    cancelPayrollExport: new CancelPayrollExport(deps),
    getPayrollExport: new GetPayrollExport(deps),
    listPayrollExports: new ListPayrollExports(deps),
    listPayrollExportLines: new ListPayrollExportLines(deps),
    streamPayrollExportLines: new StreamPayrollExportLines(deps),
    exportsOfDeclarations: new ExportsOfDeclarations(deps),
  };
}

/** Payslips and annual statements (issue 10): upload, lists with download links, and the links themselves. */
function createDocuments(deps: DocumentDeps) {
  const useCases = {
    uploadDocument: new UploadDocument(deps),
    listPayslips: new ListDocuments(deps, 'PAYSLIP'),
    listAnnualStatements: new ListDocuments(deps, 'ANNUAL_STATEMENT'),
  };
  return { deps, useCases };
}

/** Documents to sign (issue 12): staff put a PDF before a worker, who signs (sealed copy, evidence) or declines. */
function createSigning(deps: SigningDeps) {
  return {
    createSigningRequest: new CreateSigningRequest(deps),
    listSigningRequests: new ListSigningRequests(deps),
    getSigningRequest: new GetSigningRequest(deps),
    getSigningConsent: new GetSigningConsent(deps),
    signDocument: new SignDocument(deps),
    declineSigningRequest: new DeclineSigningRequest(deps),
    withdrawSigningRequest: new WithdrawSigningRequest(deps),
    verifySignedDocument: new VerifySignedDocument(deps),
    linkTargets: signingLinkTargets(deps.requests, deps.agencies),
  };
}

/** Reminders to enter hours (issue 11): the use case and the job `hours.reminders` that runs it every minute. */
function createReminders(deps: SendDueRemindersDeps, settings: HoursReminderSettings, logger: Logger) {
  const sendDueReminders = new SendDueReminders(deps, settings);
  return { sendDueReminders, job: (agencies?: () => readonly string[]) => hoursRemindersJob(sendDueReminders, logger, agencies) };
}

/** DOCUMENT_STORE: the bytes in PostgreSQL (default) or as files under a directory. */
function documentStoreFor(db: DatabaseContext, config: Config): DocumentStore {
  return config.documentStore.kind === 'fs' ? new FsDocumentStore(config.documentStore.dir) : new PostgresDocumentStore(db);
}

/** A claim on an outbox row holds this long; the SMTP timeouts (nodemailer-mail-sender.ts) end well before. */
const MAIL_CLAIM_SECONDS = 300;

/**
 * Mail (issue 11): written to the outbox with the change that causes it, links into the portal,
 * and the delivery of what is due (SMTP_URL, else `.eml` files under DATA_DIR/mail).
 */
function createMail(db: DatabaseContext, ids: UuidIdGenerator, config: Config, clock: Clock, publicBase: () => string, logger: Logger) {
  const sender: MailSender & { close(): void } = config.smtpUrl
    ? new SmtpMailSender(config.smtpUrl, config.mailFrom)
    : new EmlFileMailSender(path.join(config.dataDir, 'mail'), config.mailFrom, logger);
  const queue = new TypeormMailQueue(db.dataSource);
  const deliver = new DeliverMail(queue, new I18nMailRenderer(new I18nextTranslator()), sender, clock, {
    maxAttempts: config.mailMaxAttempts,
    retrySeconds: config.mailRetrySeconds,
    claimSeconds: MAIL_CLAIM_SECONDS,
    batchSize: 20,
  }, logger);
  return {
    outbox: new TypeormMailOutbox(db, ids, clock),
    links: new ConfigPortalLinks(() => config.portalUrl ?? publicBase()),
    /**
     * Delivers every due outbox row once (what the delivery job runs; tests call it directly, and
     * pass their own agencies so as not to take the mail of other test files on the same database).
     */
    deliverDue: (options?: { agencyIds?: readonly string[] }) => deliver.execute(options),
    /** Deletes SENT and FAILED rows past MAIL_RETENTION_DAYS (tests: only their agencies'). */
    deleteOld: (options: { agencyIds?: readonly string[] } = {}) =>
      queue.deleteFinishedBefore(new Date(clock.now().getTime() - config.mailRetentionDays * 86_400_000), options.agencyIds ?? null),
    /** Staff's view of the agency's outbox. */
    listMailMessages: new ListMailMessages(new TypeormMailMessageDirectory(db)),
    close: () => sender.close(),
  };
}

/** Builds every adapter and use case with `new`: the one place that knows all the pieces. */
export function createServices(
  db: DatabaseContext,
  fieldKey: Buffer,
  config: Config,
  clock: Clock,
  traits: DatabaseTraits,
  publicBase: () => string,
  sealer: PdfSealer,
  logger: Logger = createLogger('silent'),
  notices?: InvalidationSource,
) {
  const ids = new UuidIdGenerator();
  const mail = createMail(db, ids, config, clock, publicBase, logger);
  // The engine's holiday source is the pay calendar's too (issue 4: one source of public holidays).
  const holidays = new DateHolidaysNationalHolidays();
  const secrets = new CryptoSecretGenerator();
  const hasher = new Argon2PasswordHasher();
  const users = notices
    ? new CachedUserRepository(new TypeormUserRepository(db), db, clock, notices, config.authCacheTtlSeconds * 1000)
    : new TypeormUserRepository(db);
  const sessions = new TypeormSessionRepository(db);
  const apiClients = new TypeormApiClientRepository(db);
  // Read by nearly every request: kept per process, forgotten on the database's notice (issue 14).
  const agencies = notices
    ? new CachedAgencyRepository(new TypeormAgencyRepository(db), db, clock, notices, config.authCacheTtlSeconds * 1000)
    : new TypeormAgencyRepository(db);
  // Read by every week, overview and inbox, seldom changed: kept per process the same way (issue 14).
  const keptMs = config.authCacheTtlSeconds * 1000;
  const relations: RelationRepository = notices ? new CachedRelationRepository(new TypeormRelationRepository(db), db, clock, notices, keptMs) : new TypeormRelationRepository(db);
  const flexworkerRows = new TypeormFlexworkerRepository(db, new FieldCipher(fieldKey));
  const flexworkers: FlexworkerRepository = notices ? new CachedFlexworkerRepository(flexworkerRows, db, clock, notices, keptMs) : flexworkerRows;
  const placements: PlacementRepository = notices ? new CachedPlacementRepository(new TypeormPlacementRepository(db), db, clock, notices, keptMs) : new TypeormPlacementRepository(db);
  const caoSchedules: CaoScheduleRepository = notices ? new CachedCaoScheduleRepository(new TypeormCaoScheduleRepository(db), db, clock, notices, keptMs) : new TypeormCaoScheduleRepository(db);
  const invitations = new TypeormInvitationRepository(db);
  const invitationSender = new InvitationSender({
    invitations, flexworkers, agencies, outbox: mail.outbox, links: mail.links, secrets, ids, clock, settings: { ttlHours: config.invitationTtlHours },
  });
  const dateWindow = new DateWindowPolicy(clock, { earliest: LocalDate.parse(config.dateWindowEarliest), yearsAhead: config.dateWindowYearsAhead });
  const organisation = {
    getAgency: new GetAgency(agencies),
    updateAgencySettings: new UpdateAgencySettings(agencies),
    createRelation: new CreateRelation(relations, ids),
    updateRelation: new UpdateRelation(relations, placements),
    getRelation: new GetRelation(relations, placements),
    getRelationsByIds: new GetRelationsByIds(relations, placements),
    listRelations: new ListRelations(relations, placements),
    createFlexworker: new CreateFlexworker(flexworkers, agencies, ids, clock),
    updateFlexworker: new UpdateFlexworker(flexworkers, placements, agencies, clock),
    changeFlexworkerLanguage: new ChangeFlexworkerLanguage(flexworkers, placements),
    getFlexworker: new GetFlexworker(flexworkers, placements, agencies),
    getFlexworkersByIds: new GetFlexworkersByIds(flexworkers, placements, agencies),
    listFlexworkers: new ListFlexworkers(flexworkers, agencies),
    createPlacement: new CreatePlacement(placements, flexworkers, relations, caoSchedules, ids, dateWindow, { users, sender: invitationSender, unitOfWork: db, clock }),
    updatePlacement: new UpdatePlacement(placements, caoSchedules, dateWindow),
    endPlacement: new EndPlacement(placements, dateWindow),
    getPlacement: new GetPlacement(placements),
    getPlacementsByIds: new GetPlacementsByIds(placements),
    listPlacements: new ListPlacements(placements),
  };
  const caoScheduleUseCases = {
    createCaoSchedule: new CreateCaoSchedule(caoSchedules, ids, dateWindow),
    addCaoScheduleVersion: new AddCaoScheduleVersion(caoSchedules, dateWindow),
    listCaoSchedules: new ListCaoSchedules(caoSchedules),
    getCaoSchedule: new GetCaoSchedule(caoSchedules),
    getCaoSchedulesByIds: new GetCaoSchedulesByIds(caoSchedules),
  };
  const starter = new SessionStarter(sessions, secrets, clock, ids, config.sessionTtlMinutes);
  const commonPasswords = new BundledCommonPasswords();
  const attempts = new PostgresAttemptCounters(db, clock);
  const throttle = new LoginThrottle(attempts, {
    maxFailures: config.loginMaxFailures,
    maxFailuresPerAddress: config.loginMaxFailuresPerAddress,
    windowMinutes: config.loginFailureWindowMinutes,
  });
  const resets = new TypeormPasswordResetRepository(db, ids);
  const manageInvitations = { users, invitations, sender: invitationSender, unitOfWork: db, clock };
  const identity = {
    login: new LoginUseCase(users, hasher, starter, throttle),
    logout: new LogoutUseCase(sessions, clock),
    authenticate: new AuthenticateUseCase(sessions, users, apiClients, secrets, clock),
    changePassword: new ChangePasswordUseCase(users, sessions, hasher, starter, clock, commonPasswords),
    getViewer: new GetViewerUseCase(users, apiClients, agencies),
    updateMySettings: new UpdateMySettingsUseCase(users, flexworkers, db),
    createUser: new CreateUserUseCase(
      users,
      flexworkers,
      relations,
      hasher,
      clock,
      ids,
      commonPasswords,
      { invitations, unitOfWork: db },
    ),
    createApiClient: new CreateApiClientUseCase(apiClients, secrets, clock, ids),
    listApiClients: new ListApiClientsUseCase(apiClients),
    revokeApiClient: new RevokeApiClientUseCase(apiClients, clock),
    getPersonsByIds: new GetPersonsByIds(new TypeormPersonDirectory(db)),
    // Forgot password (issue 11): the mail through the outbox, the link into the portal.
    requestPasswordReset: new RequestPasswordResetUseCase({
      users, flexworkers, agencies, resets, outbox: mail.outbox, links: mail.links, counters: attempts, secrets, unitOfWork: db, ids, clock,
      settings: { ttlMinutes: config.passwordResetTtlMinutes, perEmail: config.passwordResetPerEmail },
    }),
    resetPassword: new ResetPasswordUseCase({
      users, sessions, resets, hasher, secrets, starter, throttle, unitOfWork: db, clock, commonPasswords, invitations,
    }),
    // Invitations and sign-up (issue 11).
    inviteUser: new InviteUser({ users, flexworkers, relations, invitations, sender: invitationSender, unitOfWork: db, ids, clock }),
    resendInvitation: new ResendInvitation(manageInvitations),
    revokeInvitation: new RevokeInvitation(manageInvitations),
    acceptInvitation: new AcceptInvitation({
      users, invitations, agencies, placements, hasher, secrets, starter, throttle, unitOfWork: db, clock, zonedTime: new LuxonZonedTime(),
      links: mail.links, commonPasswords,
    }),
    clock,
    accountStates: new AccountStates(users, invitations, clock),
    deleteOldTokens: new DeleteOldTokens(invitations, resets, clock),
  };
  const week = createWeek({
    timesheets: new TypeormTimesheetRepository(db),
    declarations: new TypeormDeclarationRepository(db),
    placements,
    agencies,
    schedules: caoSchedules,
    auditTrail: new TypeormAuditTrailRepository(db),
    unitOfWork: db,
    hoursLock: new TypeormWorkerHoursLock(db),
    ids,
    clock,
    calculator: new WeekCalculator(holidays, new LuxonTimeZoneRules('Europe/Amsterdam')),
  }, { horizonWeeks: config.openWeeksHorizonWeeks });
  // Issue 13, rule 6: the Working Time Act signals read a worker's hours across placements.
  const workingTimeSignalsOfTimesheets = new WorkingTimeSignalsOfTimesheets(new TypeormWorkerHoursRepository(db), new LuxonTimeZoneRules('Europe/Amsterdam'));
  const planner = new PaymentPlanner(holidays, new LuxonZonedTime(), clock);
  // Issue 13, rule 7: the week's own calculator, so a draft equal to the version in force changes nothing.
  const caoScheduleImpact = new CaoScheduleChangeImpactQuery({
    schedules: caoSchedules, placements, declarations: week.deps.declarations, agencies, clock, dateWindow, calculator: week.deps.calculator,
  });
  const payroll = createPayroll({
    exports: new TypeormPayrollExportRepository(db, { mode: traits.oneTransactionAtATime ? 'keyset' : 'cursor' }),
    bsns: new BsnsForPayroll(flexworkers, agencies),
    unitOfWork: db,
    ids,
    clock,
    settings: { expiryMinutes: config.payrollExportExpiryMinutes },
  });
  const documents = createDocuments({
    documents: new TypeormDocumentRepository(db),
    store: documentStoreFor(db, config),
    pdf: new PdfLibPdfInspector(),
    links: new HmacDocumentLinkSigner(fieldKey),
    flexworkers,
    agencies,
    unitOfWork: db,
    ids,
    clock,
    settings: { ...DEFAULT_DOCUMENT_SETTINGS, maxBytes: config.documentMaxBytes, linkTtlSeconds: config.documentLinkTtlSeconds },
  });
  const uploadDeps: UploadDeps = {
    uploads: new TypeormUploadRepository(db),
    store: documents.deps.store,
    pdf: documents.deps.pdf,
    ids,
    clock,
    settings: { maxBytes: config.documentMaxBytes, ttlMinutes: config.uploadTtlMinutes },
  };
  const uploads = { deps: uploadDeps, storeUpload: new StoreUpload(uploadDeps), deleteExpiredUploads: new DeleteExpiredUploads(uploadDeps) };
  const signing = createSigning({
    requests: new TypeormSigningRequestRepository(db),
    uploads: uploadDeps.uploads,
    store: documents.deps.store,
    sealer,
    pdf: documents.deps.pdf,
    links: documents.deps.links,
    translator: new I18nextTranslator(),
    flexworkers, placements, agencies, users, hasher, throttle,
    unitOfWork: db, ids, clock,
    settings: { linkTtlSeconds: config.documentLinkTtlSeconds },
  });
  const reminders = createReminders(
    { reminders: new TypeormHoursReminderRepository(db), outbox: mail.outbox, links: mail.links, unitOfWork: db, clock, zonedTime: new LuxonZonedTime() },
    { horizonWeeks: config.openWeeksHorizonWeeks, catchUpMinutes: config.reminderCatchUpMinutes },
    logger,
  );
  const changeRequests = createChangeRequests({
    requests: new TypeormChangeRequestRepository(db, new FieldCipher(fieldKey)),
    flexworkers, agencies, users, hasher, throttle, updateFlexworker: organisation.updateFlexworker,
    auditTrail: week.deps.auditTrail, unitOfWork: db, ids, clock,
  });
  const messages = createMessages({
    threads: new TypeormMessageThreadRepository(db), agencies, users, flexworkers, outbox: mail.outbox, links: mail.links, uploads: uploadDeps.uploads, unitOfWork: db, ids, clock,
  });
  const attachmentLinks = new MessageAttachmentLinks({ links: documents.deps.links, clock, settings: { linkTtlSeconds: config.documentLinkTtlSeconds } });
  const repositories = {
    agencies, relations, flexworkers, placements, users, sessions, apiClients, caoSchedules,
    timesheets: week.deps.timesheets, declarations: week.deps.declarations, documents: documents.deps.documents,
  };
  return {
    unitOfWork: db, hoursLock: week.deps.hoursLock, clock, ids, hasher, repositories, identity, organisation, caoSchedules: caoScheduleUseCases, caoScheduleImpact, mail,
    week: { ...week.useCases, workingTimeSignalsOfTimesheets }, weekCalculator: week.deps.calculator, planner, payroll,
    // One download route for every file: stored documents, and the files of documents to sign (and attachments).
    documents: { ...documents.useCases, openDocumentLink: new OpenDocumentLink(documents.deps, {
      ...signing.linkTargets,
      MESSAGE_ATTACHMENT: attachmentLinkTarget(messages.threads, agencies),
    }) }, documentStore: documents.deps.store,
    reminders, changeRequests, uploads, signing, messages, attachmentLinks,
  };
}

function containerFor(services: Services, downloadUrlOf: DownloadUrlOf): ContainerType {
  const instances = new Map<unknown, unknown>([
    [IdentityResolver, new IdentityResolver(services.identity)],
    [OrganisationResolver, new OrganisationResolver(services.organisation)],
    [PlacementFieldsResolver, new PlacementFieldsResolver()],
    [CaoScheduleResolver, new CaoScheduleResolver(services.caoSchedules)],
    [CaoScheduleImpactResolver, new CaoScheduleImpactResolver(services.caoScheduleImpact)],
    [PlacementCaoScheduleResolver, new PlacementCaoScheduleResolver()],
    [TimesheetResolver, new TimesheetResolver(services.week)],
    [TimesheetFieldsResolver, new TimesheetFieldsResolver(services.weekCalculator, services.planner)],
    [DeclarationFieldsResolver, new DeclarationFieldsResolver()],
    [ExplanationFieldsResolver, new ExplanationFieldsResolver()],
    [RejectionPeopleResolver, new RejectionPeopleResolver()],
    [DeclarationPeopleResolver, new DeclarationPeopleResolver()],
    [AuditEntryPeopleResolver, new AuditEntryPeopleResolver()],
    [HourLineLabelResolver, new HourLineLabelResolver()],
    [HourTotalLabelResolver, new HourTotalLabelResolver()],
    [HourKindTotalLabelResolver, new HourKindTotalLabelResolver()],
    [PayrollResolver, new PayrollResolver(services.payroll, services.clock)],
    [PayrollExportFieldsResolver, new PayrollExportFieldsResolver(services.payroll)],
    [DeclarationPayrollResolver, new DeclarationPayrollResolver(services.clock)],
    [DocumentResolver, new DocumentResolver(services.documents, downloadUrlOf)],
    [MailResolver, new MailResolver(services.mail)],
    [FlexworkerAccountResolver, new FlexworkerAccountResolver()],
    [RelationContactsResolver, new RelationContactsResolver()],
    [ChangeRequestResolver, new ChangeRequestResolver(services.changeRequests)],
    [SigningResolver, new SigningResolver(services.signing, downloadUrlOf)],
    [MessageResolver, new MessageResolver(services.messages)],
    [MessageThreadFieldsResolver, new MessageThreadFieldsResolver(services.messages)],
    [MessageFieldsResolver, new MessageFieldsResolver(services.attachmentLinks, downloadUrlOf)],
  ]);
  return {
    get(someClass) {
      const instance = instances.get(someClass);
      if (!instance) throw new Error(`No resolver instance for ${String((someClass as { name?: string }).name)}`);
      return instance;
    },
  };
}

/**
 * Creates the demo agency once (see infrastructure/demo); false when it is already there. Tests
 * give fresh ids, so that a kept database holds a demo of each run.
 */
export function seedDemoData(services: Services, ids?: DemoIds): Promise<boolean> {
  const { repositories } = services;
  const auditTrail = new TypeormAuditTrailRepository(services.unitOfWork);
  const deps: DemoSeedDeps = {
    unitOfWork: services.unitOfWork,
    agencies: repositories.agencies,
    users: repositories.users,
    hasher: services.hasher,
    clock: services.clock,
    createRelation: services.organisation.createRelation,
    createFlexworker: services.organisation.createFlexworker,
    createPlacement: services.organisation.createPlacement,
    createUser: services.identity.createUser,
    createCaoSchedule: services.caoSchedules.createCaoSchedule,
    // The demo's past weeks go through the week's use cases on a clock set back to when each step happened.
    weekAt: (clock) =>
      createWeek({
        timesheets: repositories.timesheets,
        declarations: repositories.declarations,
        placements: repositories.placements,
        agencies: repositories.agencies,
        schedules: repositories.caoSchedules,
        auditTrail,
        unitOfWork: services.unitOfWork,
        hoursLock: services.hoursLock,
        ids: services.ids,
        clock,
        calculator: services.weekCalculator,
      }).useCases,
  };
  return seedDemo(deps, ids);
}

/** The schema alone, for `npm run schema:print` (no database, no server). */
export async function buildSchemaForPrinting(): Promise<GraphQLSchema> {
  return buildGraphqlSchema(RESOLVERS, { get: () => ({}) });
}

/**
 * The background jobs (pg-boss, when JOBS is on). Other features append theirs here. Mail goes out
 * within seconds: the delivery job is offered every 2 s (one run waits at most, across processes)
 * and once a minute by cron as a safety net; a run is one cheap query when nothing is due.
 */
export function jobDefinitions(services: Services, options: { mailAgencies?: () => readonly string[] } = {}): JobDefinition[] {
  return [
    { name: 'mail.deliver', cron: '* * * * *', everySeconds: 2, run: async () => void (await services.mail.deliverDue({ agencyIds: options.mailAgencies?.() })) },
    { name: 'mail.cleanup', cron: '17 3 * * *', run: async () => void (await services.mail.deleteOld()) },
    // Invitations 30 days after they ended or expired, password resets 7 days after they expired.
    { name: 'tokens.cleanup', cron: '23 3 * * *', run: async () => void (await services.identity.deleteOldTokens.execute()) },
    // Uploads never used, a day after they expired (their bytes stay: the store never deletes).
    { name: 'uploads.cleanup', cron: '29 3 * * *', run: async () => void (await services.uploads.deleteExpiredUploads.execute()) },
    services.reminders.job(options.mailAgencies),
  ];
}

/** Opens the database, migrates it, and serves GraphQL over HTTP until `stop()`. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? new SystemClock();
  const fieldKey = resolveFieldEncryptionKey(config);
  const metrics = new Metrics();
  const notices = new InvalidationListener(logger);
  const database = await openDatabase(config, { logger, onStatement: () => metrics.statementSent(), onConnect: (client) => notices.poolConnected(client) });
  try {
    await database.dataSource.runMigrations({ transaction: 'each' });
    await notices.start(database.url);
    const db = new DatabaseContext(database.dataSource);
    // Known once the server listens (PORT 0 in tests), unless PUBLIC_URL says where browsers reach it.
    let publicUrl = config.publicUrl;
    // A real PostgreSQL may serve several server processes: the generated certificate is kept in it, so that they share one.
    const sealer = await createPdfSealer(config, config.databaseUrl ? new PostgresSealStore(database.dataSource, new FieldCipher(fieldKey)) : undefined);
    const services = createServices(db, fieldKey, config, clock, await databaseTraits(database.dataSource), () => publicUrl ?? '', sealer, logger, notices);
    const httpServer = createServer();
    const downloadUrlOf: DownloadUrlOf = (token) => `${publicUrl ?? ''}${DOCUMENT_LINK_PATH}${token}`;
    const schema = await buildGraphqlSchema(RESOLVERS, containerFor(services, downloadUrlOf));
    const translator = new I18nextTranslator();
    const authentication = new CachedAuthentication(services.identity.authenticate, new CryptoSecretGenerator(), clock, notices, {
      ttlMs: config.authCacheTtlSeconds * 1000,
      maxEntries: AUTH_CACHE_MAX_ENTRIES,
    });
    const authenticate = (bearer: string) => authentication.execute(bearer);
    metrics.attach({ pool: database.pool, authCache: () => ({ ...authentication.stats, size: authentication.size }) });
    const deps = {
      schema,
      httpServer,
      translator,
      authenticate: authentication,
      plugins: [metrics.apolloPlugin()],
      loaders: loadersFactory({
        ...services.organisation,
        ...services.week,
        getCaoSchedulesByIds: services.caoSchedules.getCaoSchedulesByIds,
        getPersonsByIds: services.identity.getPersonsByIds,
        exportsOfDeclarations: services.payroll.exportsOfDeclarations,
        accountStates: services.identity.accountStates,
      }),
      unavailable: { isCause: isDatabaseUnavailable, retryAfterSeconds: config.outageRetryAfterSeconds },
      security: {
        limits: config.graphqlLimits,
        executionTimeoutMs: config.graphqlExecutionTimeoutMs,
        production: config.production,
        introspection: config.graphqlIntrospection,
      },
      clock,
      clientAddress: (req: { ip?: string; socket: { remoteAddress?: string } }) => addressKey(req.ip ?? req.socket.remoteAddress),
    };
    const viewerLanguage = (bearer: string) => authenticate(bearer).then((actor) => actor.language, () => undefined);
    const apollo = createApolloServer(deps);
    await apollo.start();
    const app = createHttpApp({
      logger,
      corsOrigins: config.corsOrigins,
      bodyLimit: config.bodyLimit,
      trustProxy: config.trustProxy,
      graphql: graphqlHandler(apollo, deps),
      rateLimit: rateLimit({
        counters: new PostgresRateLimitCounters(database.dataSource, config.rateLimits, undefined, () => metrics.statementSent()),
        authenticate,
        translator,
        maxTokens: config.graphqlLimits.maxTokens,
      }),
      isReady: async () => (await database.dataSource.query('SELECT 1 AS ok')).length === 1,
      retryAfterSeconds: config.outageRetryAfterSeconds,
      translator,
      viewerLanguage,
      metrics: config.metrics
        ? { text: () => (options.metricsText ? options.metricsText(metrics) : metrics.text()), contentType: metrics.registry.contentType, token: config.metricsToken }
        : undefined,
      routes: [
        payrollDownloadRouter({
          translator,
          viewerLanguage,
          authenticate,
          streamLines: services.payroll.streamPayrollExportLines,
          batchSize: config.payrollDownloadBatchSize,
          retryAfterSeconds: config.outageRetryAfterSeconds,
        }),
        documentRoutes({
          authenticate,
          upload: services.documents.uploadDocument,
          open: services.documents.openDocumentLink,
          storeUpload: services.uploads.storeUpload,
          maxBytes: config.documentMaxBytes,
          retryAfterSeconds: config.outageRetryAfterSeconds,
          translator,
          viewerLanguage,
        }),
      ],
      portal: config.portalDir ? portalRoutes({ dir: config.portalDir, frameAncestors: config.portalFrameAncestors }) : undefined,
    });
    httpServer.on('request', app);
    const port = await listen(httpServer, config.host, config.port);
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    publicUrl ??= `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    let jobs: JobRunner | undefined;
    try {
      if (config.jobs) jobs = await startJobRunner({ connectionString: database.url, definitions: jobDefinitions(services, { mailAgencies: options.mailAgencies }), logger });
    } catch (error) {
      await apollo.stop();
      throw error;
    }
    let stopping: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}/graphql`,
      port,
      database,
      services,
      metrics,
      authentication,
      stop() {
        stopping ??= stopWithin(config.shutdownTimeoutMs, async () => {
          await jobs?.stop(config.shutdownTimeoutMs / 2);
          await apollo.stop();
          services.mail.close();
          await notices.stop();
          await database.close();
        }, logger);
        return stopping;
      },
    };
  } catch (error) {
    await notices.stop();
    await database.close();
    throw error;
  }
}

/** Tokens one process keeps at most (each entry is a few hundred bytes). */
const AUTH_CACHE_MAX_ENTRIES = 20_000;

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Drains HTTP, stops Apollo and closes the database; gives up after the timeout. */
async function stopWithin(ms: number, work: () => Promise<void>, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      logger.warn({ ms }, 'shutdown took too long; stopping anyway');
      resolve();
    }, ms);
    timer.unref();
  });
  try {
    await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
