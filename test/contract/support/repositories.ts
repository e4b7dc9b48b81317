import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AgencyRepository } from '../../../src/application/ports/agency.repository';
import { ApiClientRepository } from '../../../src/application/ports/api-client.repository';
import { AuditTrailRepository } from '../../../src/application/ports/audit-trail.repository';
import { CaoScheduleRepository } from '../../../src/application/ports/cao-schedule.repository';
import { DeclarationRepository } from '../../../src/application/ports/declaration.repository';
import { FlexworkerRepository } from '../../../src/application/ports/flexworker.repository';
import { PlacementRepository } from '../../../src/application/ports/placement.repository';
import { RelationRepository } from '../../../src/application/ports/relation.repository';
import { SessionRepository } from '../../../src/application/ports/session.repository';
import { TimesheetRepository } from '../../../src/application/ports/timesheet.repository';
import { UnitOfWork } from '../../../src/application/ports/unit-of-work';
import { UserRepository } from '../../../src/application/ports/user.repository';
import { FieldCipher } from '../../../src/infrastructure/crypto/field-cipher';
import { TypeormCaoScheduleRepository } from '../../../src/infrastructure/database/cao-schedule/typeorm-cao-schedule.repository';
import { DatabaseContext } from '../../../src/infrastructure/database/database-context';
import { TypeormApiClientRepository } from '../../../src/infrastructure/database/identity/typeorm-api-client.repository';
import { TypeormSessionRepository } from '../../../src/infrastructure/database/identity/typeorm-session.repository';
import { TypeormUserRepository } from '../../../src/infrastructure/database/identity/typeorm-user.repository';
import { TypeormAgencyRepository } from '../../../src/infrastructure/database/organisation/typeorm-agency.repository';
import { TypeormFlexworkerRepository } from '../../../src/infrastructure/database/organisation/typeorm-flexworker.repository';
import { TypeormPlacementRepository } from '../../../src/infrastructure/database/organisation/typeorm-placement.repository';
import { TypeormRelationRepository } from '../../../src/infrastructure/database/organisation/typeorm-relation.repository';
import { TypeormAuditTrailRepository } from '../../../src/infrastructure/database/timesheet/typeorm-audit-trail.repository';
import { TypeormDeclarationRepository } from '../../../src/infrastructure/database/timesheet/typeorm-declaration.repository';
import { TypeormTimesheetRepository } from '../../../src/infrastructure/database/timesheet/typeorm-timesheet.repository';
import { FakeUnitOfWork, mapParticipant } from '../../support/fakes/fake-unit-of-work';
import { InMemoryAuditTrailRepository } from '../../support/fakes/in-memory-audit-trail.repository';
import { InMemoryCaoScheduleRepository } from '../../support/fakes/in-memory-cao-schedule.repository';
import { InMemoryDeclarationRepository } from '../../support/fakes/in-memory-declaration.repository';
import { InMemoryApiClientRepository, InMemorySessionRepository, InMemoryUserRepository } from '../../support/fakes/in-memory-identity.repositories';
import {
  InMemoryAgencyRepository,
  InMemoryFlexworkerRepository,
  InMemoryPlacementRepository,
  InMemoryRelationRepository,
} from '../../support/fakes/in-memory-organisation.repositories';
import { InMemoryTimesheetRepository } from '../../support/fakes/in-memory-timesheet.repository';
import { openTestDataSource } from '../../support/test-database';

/**
 * Every repository port, one implementation each: what a contract tests and seeds through. A
 * contract takes a `MakeRepositories` and calls it for a fresh subject (per test or per suite).
 */
export interface Repositories {
  readonly agencies: AgencyRepository;
  readonly relations: RelationRepository;
  readonly flexworkers: FlexworkerRepository;
  readonly placements: PlacementRepository;
  readonly caoSchedules: CaoScheduleRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiClients: ApiClientRepository;
  readonly timesheets: TimesheetRepository;
  readonly declarations: DeclarationRepository;
  readonly auditTrail: AuditTrailRepository;
  /** For seeding what must be written together (a week and its declaration). */
  readonly unitOfWork: UnitOfWork;
}

export type MakeRepositories = () => Promise<Repositories>;

/** The in-memory fakes: empty stores on every call. */
export function inMemory(): MakeRepositories {
  return async () => {
    const agencies = new InMemoryAgencyRepository();
    const placements = new InMemoryPlacementRepository();
    const declarations = new InMemoryDeclarationRepository();
    const timesheets = new InMemoryTimesheetRepository(declarations);
    const auditTrail = new InMemoryAuditTrailRepository();
    return {
      agencies,
      relations: new InMemoryRelationRepository(),
      flexworkers: new InMemoryFlexworkerRepository(),
      placements,
      caoSchedules: new InMemoryCaoScheduleRepository(),
      users: new InMemoryUserRepository(),
      sessions: new InMemorySessionRepository(),
      apiClients: new InMemoryApiClientRepository(),
      timesheets,
      declarations,
      auditTrail,
      unitOfWork: new FakeUnitOfWork([timesheets, declarations, auditTrail, mapParticipant(placements.store.rows), mapParticipant(agencies.store.rows)]),
    };
  };
}

/**
 * The TypeORM repositories on the shared test database (embedded, or DATABASE_URL). Its
 * DataSource opens on the first call and closes after the file's tests. Nothing is ever
 * truncated: every contract makes its own agencies.
 */
export function onTheDatabase(): MakeRepositories {
  let opened: Promise<DataSource> | null = null;
  const cipher = new FieldCipher(randomBytes(32));
  afterAll(async () => {
    if (opened) await (await opened).destroy();
  });
  return async () => {
    opened ??= openTestDataSource();
    const db = new DatabaseContext(await opened);
    return {
      agencies: new TypeormAgencyRepository(db),
      relations: new TypeormRelationRepository(db),
      flexworkers: new TypeormFlexworkerRepository(db, cipher),
      placements: new TypeormPlacementRepository(db),
      caoSchedules: new TypeormCaoScheduleRepository(db),
      users: new TypeormUserRepository(db),
      sessions: new TypeormSessionRepository(db),
      apiClients: new TypeormApiClientRepository(db),
      timesheets: new TypeormTimesheetRepository(db),
      declarations: new TypeormDeclarationRepository(db),
      auditTrail: new TypeormAuditTrailRepository(db),
      unitOfWork: db,
    };
  };
}
