/**
 * The explanation keys of result lines, allowances and notes (namespace `unravel`). Every key exists in all
 * eight locales with the same {{parameters}}; a test holds them to that.
 */
export const ExplanationKey = {
  NORMAL: 'line.normal',
  EXTRA: 'line.extra',
  OVERTIME_DAY: 'line.overtimeDay',
  OVERTIME_SHIFT: 'line.overtimeShift',
  OVERTIME_WEEK: 'line.overtimeWeek',
  OVERTIME_DAY_WINDOW: 'line.overtimeDayWindow',
  OVERTIME_SHIFT_WINDOW: 'line.overtimeShiftWindow',
  OVERTIME_WEEK_WINDOW: 'line.overtimeWeekWindow',
  OVERTIME_WEEKDAY: 'line.overtimeWeekday',
  OVERTIME_OUTWEIGHED_BY_ORT: 'line.overtimeOutweighedByOrt',
  OVERTIME_REPLACED_BY_ORT: 'line.overtimeReplacedByOrt',
  ORT: 'line.ort',
  SHIFT_SURCHARGE: 'line.shiftSurcharge',
  SHIFT_SURCHARGE_MINUTES_INSIDE: 'line.shiftSurchargeMinutesInside',
  SHIFT_SURCHARGE_STARTS_INSIDE: 'line.shiftSurchargeStartsInside',
  NEEDS_TIME_OF_DAY: 'note.needsTimeOfDay',
  BREAK_RAISED: 'note.breakRaised',
  MINIMUM_PAY_PER_CALL: 'line.minimumPayPerCall',
  BREAK_NOT_CHECKED: 'note.breakNotChecked',
  ALLOWANCE_OVERTIME_ON_DAY: 'allowance.overtimeOnDay',
  ALLOWANCE_SPLIT_SHIFT: 'allowance.splitShift',
  ALLOWANCE_DAY_WORKED: 'allowance.dayWorked',
  /** Not made by the week engine: overtime over a settlement period, on the period's last week. */
  PERIOD_OVERTIME: 'line.periodOvertime',
  /** Not made by the engine: hours a worker filled in per hour code on a placement without a schedule. */
  MANUAL: 'line.manual',
} as const;

/** The parameters each key takes, for the locale test and for docs. */
export const EXPLANATION_PARAMS: Readonly<Record<string, readonly string[]>> = {
  'line.normal': [],
  'line.extra': ['contract', 'threshold'],
  'line.overtimeDay': ['after', 'percentage'],
  'line.overtimeShift': ['after', 'percentage'],
  'line.overtimeWeek': ['after', 'percentage'],
  'line.overtimeDayWindow': ['after', 'percentage', 'day', 'from', 'to'],
  'line.overtimeShiftWindow': ['after', 'percentage', 'day', 'from', 'to'],
  'line.overtimeWeekWindow': ['after', 'percentage', 'day', 'from', 'to'],
  'line.overtimeWeekday': ['day', 'percentage'],
  'line.overtimeOutweighedByOrt': ['overtimePercentage'],
  'line.overtimeReplacedByOrt': ['overtimePercentage'],
  'line.ort': ['day', 'from', 'to', 'percentage'],
  'line.shiftSurcharge': ['from', 'to', 'percentage'],
  'line.shiftSurchargeMinutesInside': ['from', 'to', 'percentage', 'over'],
  'line.shiftSurchargeStartsInside': ['from', 'to', 'percentage'],
  'note.needsTimeOfDay': ['rule', 'day'],
  'line.minimumPayPerCall': ['minimum'],
  'note.breakRaised': ['from', 'to', 'worked', 'over', 'atLeast', 'entered', 'break', 'paid'],
  'note.breakNotChecked': ['rule', 'over', 'atLeast'],
  'line.periodOvertime': ['from', 'to', 'weeks', 'normal', 'counted', 'over', 'percentage', 'surcharge'],
  'line.manual': ['hourCode', 'percentage'],
  'allowance.overtimeOnDay': ['atLeast', 'overtime'],
  'allowance.splitShift': ['gapOver', 'gap'],
  'allowance.dayWorked': ['day'],
};
