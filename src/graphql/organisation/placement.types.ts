import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ENTRY_MODES, HOURS_ENTERERS, Placement } from '../../domain/placement/placement.entity';
import { PageInfo } from '../shared/connection';
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
  @Field() code: string;
  @Field(() => Int) percentage: number;
  @Field(() => String, { nullable: true }) label: string | null;
}

@ObjectType('Placement', { description: 'One flexworker at one relation for a period, with how hours are entered.' })
export class PlacementType {
  @Field(() => ID) id: string;
  @Field(() => ID) flexworkerId: string;
  @Field(() => ID) relationId: string;
  @Field(() => LocalDateScalar) startDate: string;
  @Field(() => LocalDateScalar, { nullable: true }) endDate: string | null;
  @Field() functionName: string;
  @Field(() => String, { nullable: true }) costCentre: string | null;
  @Field(() => HoursMinutesScalar, { description: 'Contract hours per week (0:00–60:00).' }) contractHoursPerWeek: string;
  @Field(() => [EntryModeEnum]) allowedEntryModes: string[];
  @Field(() => HoursEnteredByEnum) hoursEnteredBy: string;
  @Field() sendInvitations: boolean;
  @Field() sendReminders: boolean;
  @Field(() => ID, { nullable: true, description: 'The CAO unravel schedule; null when hour codes are filled by hand.' })
  caoScheduleId: string | null;
  @Field(() => [HourCodeType], { description: 'Hour codes filled by hand; empty when a CAO schedule unravels the hours.' })
  hourCodes: HourCodeType[];
  @Field(() => Int) version: number;
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

@ObjectType('PlacementEdge')
export class PlacementEdge {
  @Field() cursor: string;
  @Field(() => PlacementType) node: PlacementType;
}

@ObjectType('PlacementConnection')
export class PlacementConnection {
  @Field(() => [PlacementEdge]) edges: PlacementEdge[];
  @Field(() => [PlacementType]) nodes: PlacementType[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
