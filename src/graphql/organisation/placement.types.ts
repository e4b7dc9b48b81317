import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ENTRY_MODES, HOURS_ENTERERS, Placement } from '../../domain/placement/placement.entity';
import { CURSOR_DESCRIPTION, EDGE_DESCRIPTION, EDGES_DESCRIPTION, NODES_DESCRIPTION, PAGE_INFO_DESCRIPTION, PageInfo } from '../shared/connection';
import { LocalDateScalar } from '../shared/local-date.scalar';
import { HoursMinutesScalar } from '../shared/scalars';
import { FlexworkerType } from './flexworker.types';
import { RelationType } from './relation.types';

export const EntryModeEnum = Object.fromEntries(ENTRY_MODES.map((m) => [m, m])) as Record<(typeof ENTRY_MODES)[number], string>;
registerEnumType(EntryModeEnum, {
  name: 'EntryMode',
  description: 'DAY_TOTAL: hours per day as H:MM; TIMES: start, end and break times.',
});

export const HoursEnteredByEnum = Object.fromEntries(HOURS_ENTERERS.map((m) => [m, m])) as Record<
  (typeof HOURS_ENTERERS)[number],
  string
>;
registerEnumType(HoursEnteredByEnum, {
  name: 'HoursEnteredBy',
  description: 'Who enters the hours: the flexworker, or the relation (then the worker gets no invitations or reminders).',
});

@ObjectType('HourCode', { description: 'An hour code a worker fills by hand where the placement has no CAO schedule.' })
export class HourCodeType {
  @Field({ description: 'The code payroll knows, e.g. H125: a capital letter and up to 15 letters, digits, _ or -.' }) code: string;
  @Field(() => Int, { description: 'The rate of the hours, in percent of the normal wage (100 normal, 125 overtime …).' }) percentage: number;
  @Field(() => String, { nullable: true, description: 'The name the worker sees next to the code, e.g. "Overwerk 125 %"; null: show the code.' })
  label: string | null;
}

@ObjectType('Placement', { description: 'One flexworker at one relation for a period, with how hours are entered.' })
export class PlacementType {
  @Field(() => ID, { description: 'The placement id (Timesheet.placementId).' }) id: string;
  @Field(() => ID, { description: 'The placed worker; also when the viewer may not see them (then flexworker is null).' }) flexworkerId: string;
  @Field(() => ID, { description: 'The relation the worker works at; also when the viewer may not see it (then relation is null).' })
  relationId: string;
  @Field(() => LocalDateScalar, { description: 'The first day of the placement (YYYY-MM-DD); weeks before it have no timesheet.' }) startDate: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The last day of the placement; null while it runs on with no end date.' })
  endDate: string | null;
  @Field({ description: 'The job the worker does at the relation, e.g. "Cleaner".' }) functionName: string;
  @Field(() => String, { nullable: true, description: "The relation's cost centre (kostenplaats) the hours are booked on (1–64 characters); null when none." })
  costCentre: string | null;
  /** Resolved by PlacementFieldsResolver.purchaseOrderReference: who may read it is the application's rule. */
  storedPurchaseOrderReference: string | null;
  @Field(() => HoursMinutesScalar, { description: 'Contract hours per week (0:00–60:00).' }) contractHoursPerWeek: string;
  @Field(() => [EntryModeEnum], { description: 'How a day may be entered with a CAO schedule: as a day total, as times, or both. Not used with hourCodes.' })
  allowedEntryModes: string[];
  @Field(() => HoursEnteredByEnum, { description: 'Who enters and approves the hours of its weeks: the worker, or the relation (Timesheet.enteredBy).' })
  hoursEnteredBy: string;
  @Field({ description: 'Whether the worker gets an invitation to enter the hours of a week; always false where the relation enters them.' })
  sendInvitations: boolean;
  @Field({ description: 'Whether the worker gets reminders while a week is not approved; always false where the relation enters the hours.' })
  sendReminders: boolean;
  @Field(() => ID, { nullable: true, description: 'The CAO unravel schedule; null when hour codes are filled by hand.' })
  caoScheduleId: string | null;
  @Field(() => [HourCodeType], { description: 'Hour codes filled by hand; empty when a CAO schedule unravels the hours.' })
  hourCodes: HourCodeType[];
  @Field(() => Int, { description: 'Send it back as expectedVersion when changing or ending the placement.' }) version: number;
  @Field(() => FlexworkerType, { nullable: true, description: 'Null only when the viewer may not see the worker.' })
  flexworker?: FlexworkerType | null;
  @Field(() => RelationType, { nullable: true, description: 'Null only when the viewer may not see the relation.' })
  relation?: RelationType | null;

  static from(p: Placement): PlacementType {
    const source = p.hourSource;
    return Object.assign(new PlacementType(), {
      id: p.id,
      flexworkerId: p.flexworkerId,
      relationId: p.relationId,
      startDate: p.startDate.toString(),
      endDate: p.endDate?.toString() ?? null,
      functionName: p.functionName,
      costCentre: p.costCentre,
      storedPurchaseOrderReference: p.purchaseOrderReference,
      contractHoursPerWeek: p.contractHoursPerWeek.toString(),
      allowedEntryModes: [...p.allowedEntryModes],
      hoursEnteredBy: p.hoursEnteredBy,
      sendInvitations: p.sendInvitations,
      sendReminders: p.sendReminders,
      caoScheduleId: source.kind === 'CAO_SCHEDULE' ? source.caoScheduleId : null,
      hourCodes:
        source.kind === 'MANUAL_HOUR_CODES'
          ? source.hourCodes.map((c) => Object.assign(new HourCodeType(), { code: c.code, percentage: c.percentage, label: c.label }))
          : [],
      version: p.version,
    });
  }
}

@ObjectType('PlacementEdge', { description: EDGE_DESCRIPTION })
export class PlacementEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => PlacementType, { description: 'The placement.' }) node: PlacementType;
}

@ObjectType('PlacementConnection', { description: 'A page of placements (Relay connection).' })
export class PlacementConnection {
  @Field(() => [PlacementEdge], { description: EDGES_DESCRIPTION }) edges: PlacementEdge[];
  @Field(() => [PlacementType], { description: NODES_DESCRIPTION }) nodes: PlacementType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}
