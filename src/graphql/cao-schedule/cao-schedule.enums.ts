import { enumOf } from '../shared/enums';
import { registerEnumType } from 'type-graphql';
import {
  ALLOWANCE_KINDS,
  SETTLEMENT_CALENDAR_KINDS,
  BreakPlacementData,
  DAY_SELECTORS,
  LiberationDayRule,
  NATIONAL_HOLIDAY_NAMES,
  OrtOverlapRule,
  OvertimeBasis,
  OvertimeWithOrtRule,
  SHIFT_CONDITION_KINDS,
} from '../../domain/unravel/cao-unravel-schedule.data';

/** The enums of the schedule format (docs/unravel.md), made from the engine's own lists and types. */

export const ScheduleDayEnum = enumOf(DAY_SELECTORS);
registerEnumType(ScheduleDayEnum, {
  name: 'ScheduleDay',
  description: 'A weekday, or HOLIDAY: a date that is a counted public holiday is a HOLIDAY and no weekday.',
});

export const NationalHolidayEnum = enumOf(NATIONAL_HOLIDAY_NAMES);
registerEnumType(NationalHolidayEnum, {
  name: 'NationalHoliday',
  description: 'Dutch national holidays. LIBERATION_DAY is refused in nationalDays: it has its own option, liberationDay.',
});

export const LiberationDayRuleEnum = enumOf<LiberationDayRule>(['EVERY_YEAR', 'EVERY_FIFTH_YEAR', 'NEVER']);
registerEnumType(LiberationDayRuleEnum, { name: 'LiberationDayRule', description: 'When Liberation Day (5 May) counts as a holiday.' });

export const OrtOverlapRuleEnum = enumOf<OrtOverlapRule>(['REFUSE', 'HIGHEST', 'ADD']);
registerEnumType(OrtOverlapRuleEnum, {
  name: 'OrtOverlapRule',
  description: 'Where ORT windows overlap: REFUSE the schedule, only the HIGHEST counts, or ADD them all.',
});

export const OvertimeWithOrtRuleEnum = enumOf<OvertimeWithOrtRule>(['ADD', 'HIGHEST', 'ORT_REPLACES_OVERTIME']);
registerEnumType(OvertimeWithOrtRuleEnum, {
  name: 'OvertimeWithOrtRule',
  description: 'Overtime and ORT on the same minute: both count (ADD), only the higher (HIGHEST), or ORT replaces overtime.',
});

export const SettlementCalendarKindEnum = enumOf(SETTLEMENT_CALENDAR_KINDS);
registerEnumType(SettlementCalendarKindEnum, {
  name: 'SettlementCalendarKind',
  description: 'ISO_WEEKS: ISO weeks in blocks of `weeks` from week 1 of each year (a remainder at the year\'s end joins the last block); CALENDAR_MONTH: calendar months.',
});

export const ShiftConditionKindEnum = enumOf(SHIFT_CONDITION_KINDS);
registerEnumType(ShiftConditionKindEnum, {
  name: 'ShiftConditionKind',
  description: 'When a shift gets a whole-shift surcharge: its work TOUCHES the window, more than `over` of its work is inside it (MINUTES_INSIDE), or it STARTS_INSIDE it.',
});

export const OvertimeBasisEnum = enumOf<OvertimeBasis>(['DAY', 'SHIFT']);
registerEnumType(OvertimeBasisEnum, {
  name: 'OvertimeBasis',
  description: 'DAY: all blocks of the work day together; SHIFT: each block on its own.',
});

export const BreakPlacementModeEnum = enumOf<BreakPlacementData['mode']>(['END', 'START', 'AFTER_WORKED']);
registerEnumType(BreakPlacementModeEnum, {
  name: 'BreakPlacementMode',
  description: 'Where a break given as a duration goes: at the END or START of the gross time, or AFTER_WORKED hours of work.',
});

export const AllowanceKindEnum = enumOf(ALLOWANCE_KINDS);
registerEnumType(AllowanceKindEnum, {
  name: 'AllowanceKind',
  description:
    'What an allowance is counted for, at most once per work day: OVERTIME_ON_DAY (at least `atLeast` of overtime on the day), SPLIT_SHIFT (two or more blocks with a gap of more than `gapOver` between two of them), DAY_WORKED (any minutes worked on one of `days`).',
});
