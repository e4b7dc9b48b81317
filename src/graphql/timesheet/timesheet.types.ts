import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { auditChangeOf } from '../../application/timesheet/audit-change';
import { AuditEntry } from '../../domain/audit/audit-entry';
import { formatDuration } from '../../domain/time/week-hours.value-object';
import { DayEntry } from '../../domain/timesheet/day-entry.value-object';
import { Declaration, DECLARATION_ORIGINS, DECLARATION_STATUSES } from '../../domain/timesheet/declaration.entity';
import { HoursBreakdown } from '../../domain/timesheet/hours-breakdown';
import { Timesheet, TIMESHEET_STATUSES } from '../../domain/timesheet/timesheet.entity';
import { CURSOR_DESCRIPTION, EDGE_DESCRIPTION, EDGES_DESCRIPTION, NODES_DESCRIPTION, PAGE_INFO_DESCRIPTION, PageInfo } from '../shared/connection';
import { enumOf, WeekdayEnum } from '../shared/enums';
import { LocalDateScalar } from '../shared/local-date.scalar';
import { HoursMinutesScalar, IsoWeekScalar, LocalTimeScalar } from '../shared/scalars';
import { HoursBreakdownType } from './breakdown.types';


export const TimesheetStatusEnum = enumOf(TIMESHEET_STATUSES);
registerEnumType(TimesheetStatusEnum, {
  name: 'TimesheetStatus',
  description: 'OPEN: to be filled or approved (again); SUBMITTED: approved by the worker, waiting for the relation; APPROVED: approved by the relation; PROCESSED: taken by payroll.',
});
export const DeclarationStatusEnum = enumOf(DECLARATION_STATUSES);
registerEnumType(DeclarationStatusEnum, {
  name: 'DeclarationStatus',
  description: 'AWAITING_RELATION, APPROVED or REJECTED by the relation, or SUPERSEDED by a correction.',
});
export const DeclarationOriginEnum = enumOf(DECLARATION_ORIGINS);
registerEnumType(DeclarationOriginEnum, {
  name: 'DeclarationOrigin',
  description: "WORKER: approved by the worker; RELATION: entered and approved by the relation; CORRECTION: by agency staff; SETTLEMENT: the same days with a settlement period's overtime settled (again) on the period's last week, made when a week of the period was approved or corrected (correctedById: who caused it).",
});
export const DayEntryModeEnum = enumOf(['TOTAL', 'TIMES', 'HOUR_CODES'] as const);
registerEnumType(DayEntryModeEnum, { name: 'DayEntryMode', description: 'How a day was entered.' });

@ObjectType('TimeBlock', { description: 'A span of local wall-clock time on a work day: a block of work or a break, from start to end (an end at or before the start falls on the next day).' })
export class TimeBlockType {
  @Field(() => LocalTimeScalar, { description: 'HH:MM' }) start: string;
  @Field(() => LocalTimeScalar, { description: 'HH:MM (24:00 allowed); at or before start: the next day.' }) end: string;
}

@ObjectType('HourCodeHours', { description: 'Hours entered by hand for one hour code of the placement (a day in mode HOUR_CODES, where the placement has no CAO schedule).' })
export class HourCodeHoursType {
  @Field({ description: "The code of one of the placement's hour codes (Placement.hourCodes.code), e.g. H100." }) hourCode: string;
  @Field(() => HoursMinutesScalar, { description: 'The hours entered for this code, as H:MM.' }) hours: string;
}

@ObjectType('WorkDay', { description: 'One date of a week as it was entered.' })
export class WorkDayType {
  @Field(() => LocalDateScalar, { description: 'The date of this day (YYYY-MM-DD), inside the week.' }) date: string;
  @Field(() => WeekdayEnum, { description: 'The weekday of date (MONDAY … SUNDAY).' }) weekday: string;
  @Field(() => DayEntryModeEnum, { description: 'How the day was entered: TOTAL (a day total), TIMES (start, end and break times) or HOUR_CODES (hours per hour code); it says which of the fields below hold the entry.' }) mode: string;
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'The day total (mode TOTAL).' }) total: string | null;
  @Field(() => [TimeBlockType], { description: 'Blocks of work (mode TIMES).' }) blocks: TimeBlockType[];
  @Field(() => HoursMinutesScalar, { nullable: true, description: 'A break given as a duration (mode TIMES).' }) breakDuration: string | null;
  @Field(() => [TimeBlockType], { description: 'Breaks given as times (mode TIMES).' }) breaks: TimeBlockType[];
  @Field(() => [HourCodeHoursType], { description: 'Hours per manual hour code (mode HOUR_CODES).' }) hours: HourCodeHoursType[];
  @Field(() => HoursMinutesScalar, { description: 'Worked on the wall clock, breaks excluded.' }) workedHours: string;

  static from(day: DayEntry): WorkDayType {
    const data = day.toData();
    const block = (r: { start: string; end: string }) => Object.assign(new TimeBlockType(), r);
    return Object.assign(new WorkDayType(), {
      date: data.date,
      weekday: day.date.weekday.code,
      mode: day.kind,
      total: data.total ?? null,
      blocks: (data.blocks ?? []).map(block),
      breakDuration: data.breakDuration ?? null,
      breaks: (data.breaks ?? []).map(block),
      hours: (data.hours ?? []).map((h) => Object.assign(new HourCodeHoursType(), h)),
      workedHours: formatDuration(day.workedMinutes),
    });
  }
}

@ObjectType('Rejection', { description: "The relation's reason for sending the hours back." })
export class RejectionType {
  @Field({ description: 'The reason the relation contact gave, as they wrote it; shown to whoever enters the hours.' }) reason: string;
  @Field({ description: 'When the relation contact rejected the hours.' }) rejectedAt: Date;
  @Field(() => ID, { description: 'The id of the relation contact who rejected the hours (the person: rejectedBy).' }) rejectedById: string;
  // rejectedBy (the Person): WeekPeopleResolver
}

@ObjectType('Timesheet', { description: 'A werkbrief: one placement, one ISO week.' })
export class TimesheetType {
  @Field(() => ID, { description: 'The id of the week (a UUID).' }) id: string;
  @Field(() => IsoWeekScalar, { description: 'ISO week, e.g. 2026-W48.' }) week: string;
  @Field(() => LocalDateScalar, { description: 'The Monday of the week (YYYY-MM-DD).' }) weekStart: string;
  @Field(() => LocalDateScalar, { description: 'The Sunday of the week (YYYY-MM-DD).' }) weekEnd: string;
  @Field(() => TimesheetStatusEnum, { description: 'Where the week is in its lifecycle: OPEN, SUBMITTED, APPROVED or PROCESSED.' }) status: string;
  @Field(() => ID, { description: 'The placement this week belongs to (the object: placement).' }) placementId: string;
  @Field(() => ID, { description: 'The flexworker of the placement (the person: flexworker).' }) flexworkerId: string;
  @Field(() => ID, { description: 'The relation (client company) of the placement (the company: relation).' }) relationId: string;
  /** As entered; the `days` field shows them to those who may see them (TimesheetFieldsResolver). */
  days: WorkDayType[];
  @Field(() => RejectionType, { nullable: true, description: 'Shown while the week is open again after the relation rejected it.' })
  rejection: RejectionType | null;
  @Field(() => Date, { nullable: true, description: 'When whoever enters the hours approved them (the latest time).' })
  approvedByWorkerAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the relation approved the current declaration; null until the relation approves it (and again after a rejection).' }) approvedByRelationAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The id of the declaration version in force (currentDeclaration); null until the hours were approved for the first time.' }) currentDeclarationId: string | null;
  @Field(() => Int, { description: 'Send it back as expectedVersion with every change.' }) version: number;
  entity: Timesheet;
  /** Computed already by a mutation; the preview field reuses it. */
  breakdown?: HoursBreakdown;

  static from(t: Timesheet, breakdown?: HoursBreakdown): TimesheetType {
    return Object.assign(new TimesheetType(), {
      id: t.id,
      week: t.week.toString(),
      weekStart: t.week.monday.toString(),
      weekEnd: t.week.sunday.toString(),
      status: t.status,
      placementId: t.placementId,
      flexworkerId: t.flexworkerId,
      relationId: t.relationId,
      days: t.days.map(WorkDayType.from),
      rejection: t.rejection
        ? Object.assign(new RejectionType(), { reason: t.rejection.reason, rejectedAt: t.rejection.at, rejectedById: t.rejection.by })
        : null,
      approvedByWorkerAt: t.workerApproval?.at ?? null,
      approvedByRelationAt: t.relationApproval?.at ?? null,
      currentDeclarationId: t.currentDeclarationId,
      version: t.version,
      entity: t,
      breakdown,
    });
  }
}

@ObjectType('Declaration', { description: 'The hours of a week as they were approved: an immutable version.' })
export class DeclarationType {
  @Field(() => ID, { description: 'The id of this declaration version (a UUID).' }) id: string;
  @Field(() => ID, { description: 'The week (Timesheet.id) this is a version of.' }) timesheetId: string;
  @Field(() => Int, { description: '1, 2, 3 … per timesheet.' }) number: number;
  @Field(() => DeclarationOriginEnum, { description: 'Who made this version: WORKER, RELATION (where the relation enters the hours), CORRECTION (agency staff) or SETTLEMENT (a settlement period settled on its last week).' }) origin: string;
  @Field(() => DeclarationStatusEnum, { description: 'AWAITING_RELATION, APPROVED, REJECTED or SUPERSEDED (a later correction replaced it).' }) status: string;
  @Field(() => IsoWeekScalar, { description: 'The ISO week of the hours, e.g. 2026-W48.' }) week: string;
  @Field(() => LocalDateScalar, { description: 'The Monday of the week (YYYY-MM-DD).' }) weekStart: string;
  @Field(() => ID, { description: 'The placement of the week (the placement: placement).' }) placementId: string;
  @Field(() => ID, { description: 'The flexworker of the placement (flexworker).' }) flexworkerId: string;
  @Field(() => ID, { description: 'The relation (client company) of the placement (relation).' }) relationId: string;
  @Field(() => [WorkDayType], { description: 'The days as they were entered when this version was approved; days not worked are left out. Never changes.' }) days: WorkDayType[];
  @Field(() => HoursBreakdownType, { description: 'The lines and totals as computed when approved; never computed again.' })
  breakdown: HoursBreakdownType;
  @Field({ description: 'When the party that enters the hours approved them (the worker, or the relation contact where the relation enters them).' }) approvedByWorkerAt: Date;
  @Field(() => ID, { description: 'Who approved the hours as the party that entered them: the worker, or the relation contact where the relation enters them (the person: approvedByWorker).' }) approvedByWorkerId: string;
  @Field(() => Date, { nullable: true, description: 'When the relation approved this version; null until it does, and for a version it rejected.' }) approvedByRelationAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The relation contact who approved this version (the person: approvedByRelation); null until then.' }) approvedByRelationId: string | null;
  @Field({ description: 'A correction of hours the relation had approved: approved by the agency that corrected them (see correctedAt, correctedById).' })
  approvedByAgency: boolean;
  @Field(() => Date, { nullable: true, description: 'When the relation rejected this version; null unless it was rejected.' }) rejectedAt: Date | null;
  @Field(() => String, { nullable: true, description: "The relation contact's reason for rejecting this version; null unless it was rejected." }) rejectionReason: string | null;
  @Field(() => Date, { nullable: true, description: 'When agency staff made this version as a correction (or the period was settled); null unless origin is CORRECTION or SETTLEMENT.' }) correctedAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The agency staff member who made this correction (the person: correctedBy), or for SETTLEMENT the user whose approval or correction caused it; null unless origin is CORRECTION or SETTLEMENT.' }) correctedById: string | null;
  @Field(() => String, { nullable: true, description: 'The reason agency staff gave for this correction (for SETTLEMENT: which week caused it); null unless origin is CORRECTION or SETTLEMENT.' }) correctionReason: string | null;
  @Field(() => ID, { nullable: true, description: 'The version this correction or settlement replaced (now SUPERSEDED); null unless origin is CORRECTION or SETTLEMENT.' }) previousDeclarationId: string | null;
  @Field(() => Date, { nullable: true, description: 'When a correction replaced this version; null while it is in force.' }) supersededAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When payroll confirmed the export that booked this version (the week is then PROCESSED, "verwerkt"); null until then.' })
  processedAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The declaration version (the correction) that replaced this one; null while it is in force.' }) supersededById: string | null;
  @Field(() => ID, { nullable: true, description: 'The relation contact who rejected this version (the person: rejectedBy).' })
  rejectedById: string | null;

  static from(d: Declaration): DeclarationType {
    return Object.assign(new DeclarationType(), {
      id: d.id,
      timesheetId: d.timesheetId,
      number: d.number,
      origin: d.origin,
      status: d.status,
      week: d.week.toString(),
      weekStart: d.week.monday.toString(),
      placementId: d.placementId,
      flexworkerId: d.flexworkerId,
      relationId: d.relationId,
      days: d.days.map(WorkDayType.from),
      breakdown: HoursBreakdownType.from(d.breakdown, d.placementId),
      approvedByWorkerAt: d.workerApproval.at,
      approvedByWorkerId: d.workerApproval.by,
      approvedByRelationAt: d.relationApproval?.at ?? null,
      approvedByRelationId: d.relationApproval?.by ?? null,
      approvedByAgency: d.approvedByAgency,
      rejectedAt: d.rejection?.at ?? null,
      rejectionReason: d.rejection?.reason ?? null,
      rejectedById: d.rejection?.by ?? null,
      correctedAt: d.correction?.at ?? null,
      correctedById: d.correction?.by ?? null,
      correctionReason: d.correction?.reason ?? null,
      previousDeclarationId: d.correction?.previousDeclarationId ?? null,
      supersededAt: d.supersededAt,
      processedAt: d.processed?.at ?? null,
      supersededById: d.supersededBy,
    });
  }
}

@ObjectType('AuditEntry', {
  description: 'Who changed hours after they were approved, when, why, and the declaration before and after (daysBefore, daysAfter).',
})
export class AuditEntryType {
  @Field(() => ID, { description: 'The id of the audit entry (a UUID).' }) id: string;
  @Field({ description: 'What was done, as a stable code, e.g. DECLARATION_CORRECTED.' }) action: string;
  @Field(() => ID, { description: 'The id of who made the change (the person: actor).' }) actorId: string;
  @Field({ description: 'The role of the actor at the time: FLEXWORKER, RELATION_CONTACT, AGENCY_STAFF or PAYROLL (in practice AGENCY_STAFF for a correction).' }) actorRole: string;
  @Field({ description: 'When the change was made.' }) at: Date;
  @Field(() => String, { nullable: true, description: 'The reason the actor gave, as written; null when none was given.' }) reason: string | null;
  @Field({ description: 'JSON text.', deprecationReason: 'Use declarationIdBefore, declarationNumberBefore, daysBefore and workedHoursBefore.' })
  before: string;
  @Field({ description: 'JSON text.', deprecationReason: 'Use declarationIdAfter, declarationNumberAfter, daysAfter and workedHoursAfter.' })
  after: string;
  @Field(() => ID, { description: 'The declaration version that was corrected.' }) declarationIdBefore: string;
  @Field(() => ID, { description: 'The declaration version the correction made.' }) declarationIdAfter: string;
  @Field(() => Int, { description: 'The number (1, 2, 3 …) of the version that was corrected.' }) declarationNumberBefore: number;
  @Field(() => Int, { description: 'The number of the version the correction made.' }) declarationNumberAfter: number;
  @Field(() => [WorkDayType], { description: 'The days of the version that was corrected, as they were entered.' }) daysBefore: WorkDayType[];
  @Field(() => [WorkDayType], { description: 'The days as the correction gave them.' }) daysAfter: WorkDayType[];
  @Field(() => HoursMinutesScalar, { description: 'The hours worked in the week before the correction.' }) workedHoursBefore: string;
  @Field(() => HoursMinutesScalar, { description: 'The hours worked in the week after the correction.' }) workedHoursAfter: string;
  // actor (the Person behind actorId): WeekPeopleResolver

  static from(e: AuditEntry): AuditEntryType {
    const change = auditChangeOf(e);
    return Object.assign(new AuditEntryType(), {
      id: e.id,
      action: e.action,
      actorId: e.actorId,
      actorRole: e.actorRole,
      at: e.at,
      reason: e.reason,
      before: JSON.stringify(e.before),
      after: JSON.stringify(e.after),
      declarationIdBefore: change.before.declarationId,
      declarationIdAfter: change.after.declarationId,
      declarationNumberBefore: change.before.number,
      declarationNumberAfter: change.after.number,
      daysBefore: change.before.days.map(WorkDayType.from),
      daysAfter: change.after.days.map(WorkDayType.from),
      workedHoursBefore: formatDuration(change.before.workedMinutes),
      workedHoursAfter: formatDuration(change.after.workedMinutes),
    });
  }
}

@ObjectType('TimesheetEdge', { description: EDGE_DESCRIPTION })
export class TimesheetEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => TimesheetType, { description: 'The week.' }) node: TimesheetType;
}

@ObjectType('TimesheetConnection', { description: 'A page of weeks (timesheets).' })
export class TimesheetConnection {
  @Field(() => [TimesheetEdge], { description: EDGES_DESCRIPTION }) edges: TimesheetEdge[];
  @Field(() => [TimesheetType], { description: NODES_DESCRIPTION }) nodes: TimesheetType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}

@ObjectType('DeclarationEdge', { description: EDGE_DESCRIPTION })
export class DeclarationEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => DeclarationType, { description: 'The declaration.' }) node: DeclarationType;
}

@ObjectType('DeclarationConnection', { description: 'A page of declarations (approved versions of weeks).' })
export class DeclarationConnection {
  @Field(() => [DeclarationEdge], { description: EDGES_DESCRIPTION }) edges: DeclarationEdge[];
  @Field(() => [DeclarationType], { description: NODES_DESCRIPTION }) nodes: DeclarationType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}
