import { ChangeRequestOrmEntity } from './change-request/change-request.orm-entity';
import { CaoScheduleOrmEntity, CaoScheduleVersionOrmEntity } from './cao-schedule/cao-schedule.orm-entity';
import { ApiClientOrmEntity } from './identity/api-client.orm-entity';
import { MessageOrmEntity, MessageThreadOrmEntity } from './message/message.orm-entity';
import { SessionOrmEntity } from './identity/session.orm-entity';
import { UserOrmEntity } from './identity/user.orm-entity';
import { AgencyOrmEntity } from './organisation/agency.orm-entity';
import { FlexworkerOrmEntity } from './organisation/flexworker.orm-entity';
import { PlacementOrmEntity } from './organisation/placement.orm-entity';
import { RelationOrmEntity } from './organisation/relation.orm-entity';
import { AuditEntryOrmEntity } from './timesheet/audit-entry.orm-entity';
import { DeclarationOrmEntity } from './timesheet/declaration.orm-entity';
import { TimesheetOrmEntity } from './timesheet/timesheet.orm-entity';

/**
 * Every TypeORM entity class of the application, registered with the DataSource.
 * Each feature adds its own ORM classes here.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ormEntities: Function[] = [
  AgencyOrmEntity,
  RelationOrmEntity,
  FlexworkerOrmEntity,
  PlacementOrmEntity,
  UserOrmEntity,
  SessionOrmEntity,
  ApiClientOrmEntity,
  CaoScheduleOrmEntity,
  CaoScheduleVersionOrmEntity,
  TimesheetOrmEntity,
  DeclarationOrmEntity,
  AuditEntryOrmEntity,
  ChangeRequestOrmEntity,
  MessageThreadOrmEntity,
  MessageOrmEntity,
];
