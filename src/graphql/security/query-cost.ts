import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../application/shared/pagination';
import { MAX_DECLARATIONS_PER_APPROVAL } from '../../application/timesheet/relation-approval.use-case';
import { MAX_WEEK_PAGE_SIZE } from '../../application/timesheet/week-lists.use-case';
import { MAX_HOUR_CODES } from '../../domain/placement/hour-source';
import { MAX_BLOCKS, MAX_DAYS } from '../../domain/timesheet/week-entries';
import { MAX_REMINDER_MOMENTS } from '../../domain/agency/reminder-moment.value-object';
import { MAX_ALLOWANCES } from '../../domain/unravel/allowance-parser';

/**
 * How many items a plain list field (one without `first`) holds at most, by `Type.field`. Where
 * the domain bounds a list its bound is used; elsewhere a generous count of what real data holds
 * (a week has a handful of versions, a schedule a handful of tiers). Every list of objects in the
 * schema must be here or take `first` (the limits test checks it), so a new one is weighed once.
 */
export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  'Query.apiClients': 20,
  'ApproveDeclarationsPayload.declarations': MAX_DECLARATIONS_PER_APPROVAL,
  'ApproveDeclarationsPayload.timesheets': MAX_DECLARATIONS_PER_APPROVAL,
  'Timesheet.days': MAX_DAYS,
  'Timesheet.declarations': 10,
  'Timesheet.auditTrail': 10,
  // At most a shift and a night-shift signal per shift, a rest per shift (some 7 to 14 a week), and three per week.
  'Timesheet.workingTimeSignals': 30,
  'Declaration.days': MAX_DAYS,
  'AuditEntry.daysBefore': MAX_DAYS,
  'AuditEntry.daysAfter': MAX_DAYS,
  'WorkDay.blocks': MAX_BLOCKS,
  'WorkDay.breaks': MAX_BLOCKS,
  'WorkDay.hours': MAX_HOUR_CODES,
  'Placement.hourCodes': MAX_HOUR_CODES,
  'HoursBreakdown.days': MAX_DAYS,
  'HoursBreakdown.totals': MAX_HOUR_CODES,
  'HoursBreakdown.totalsByKind': 6, // one per HourLineKind
  'BreakdownDay.lines': 20,
  'BreakdownDay.notApplied': 10,
  'BreakdownDay.adjustments': 10,
  'BreakdownDay.allowances': MAX_ALLOWANCES, // each allowance rule of the version at most once a day
  'HoursBreakdown.allowanceTotals': MAX_ALLOWANCES * 2, // one per hour code; a week may span two versions
  'Explanation.params': 10,
  'CaoUnravelSchedule.versions': 10,
  'CaoUnravelScheduleVersion.dailyOvertime': 10,
  'CaoUnravelScheduleVersion.ortWindows': 20,
  'CaoUnravelScheduleVersion.shiftSurcharges': 30,
  'CaoUnravelScheduleVersion.weekdayOvertime': 10,
  'DailyOvertime.tiers': 5,
  'WeeklyOvertime.tiers': 5,
  'OvertimeTier.windows': 5,
  'OrtWindow.percentageByDay': 8,
  'AgencySettings.reminderMoments': MAX_REMINDER_MOMENTS,
  'MinimumBreaks.tiers': 10, // the schedule parser's limit
  'CaoUnravelScheduleVersion.allowances': MAX_ALLOWANCES,
  'SettlementPeriodRule.tiers': 5, // the settlement parser's limit
  // A block of N ISO weeks takes a remainder of fewer than N at the year's end: at most 2 × 26 - 1 weeks.
  'PeriodSettlement.weeks': 51,
  'Relation.contacts': 50, // a relation's logins: a handful in practice, no bound in the domain
  // A week's totals before and after: each total of either side at most once.
  'CaoScheduleWeekImpact.differences': 2 * MAX_HOUR_CODES,
  'CaoScheduleWeekImpactConnection.totals': 2 * MAX_HOUR_CODES,
};

/**
 * Fields whose answer is small but whose work is not: they cost this much on top of the objects
 * they hold. `caoScheduleChangeImpact` unravels again every approved week of the last N weeks of
 * every placement on a schedule (10,000 placements × 13 weeks in about a second of CPU), so a
 * document may hold a few of them but not dozens (GRAPHQL_MAX_COST 500,000 allows four).
 */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  'Query.caoScheduleChangeImpact': 100_000,
};

/** The most items a paged field (one with `first`) gives; the others take up to MAX_PAGE_SIZE. */
export const PAGE_BOUNDS: Readonly<Record<string, number>> = {
  'Query.timesheets': MAX_WEEK_PAGE_SIZE,
  'Query.declarations': MAX_WEEK_PAGE_SIZE,
  'Query.declarationsAwaitingApproval': MAX_WEEK_PAGE_SIZE,
};

/** A list of objects that is in neither table (a new one, until it is weighed). */
const UNKNOWN_LIST_BOUND = 10;

type Variables = Readonly<Record<string, unknown>>;

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Variables;
  readonly defaults: ReadonlyMap<string, ValueNode>;
}

/**
 * The cost of an operation: the most objects its answer could hold. A field with a selection
 * counts 1 for each object it can give, a leaf nothing: `first` objects for a paged list (20 when
 * it is left out; `first` read from the variables too), the page of its connection for `nodes`
 * and `edges`, the bound from LIST_BOUNDS for a plain list. So `timesheets(first: 500) { nodes {
 * id } }` costs 1 + 500, and each level of `declarations { timesheet { … } }` multiplies by ten.
 * Introspection (`__schema`, `__type`) is bounded by the schema and costs nothing.
 */
export function queryCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: readonly FragmentDefinitionNode[], variables: Variables = {}): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const walk: Walk = { schema, fragments: new Map(fragments.map((f) => [f.name.value, f])), variables, defaults };
  return selectionCost(walk, operation.selectionSet, root, undefined, new Set());
}

function selectionCost(walk: Walk, set: SelectionSetNode, parent: GraphQLNamedType, page: number | undefined, spreading: ReadonlySet<string>): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(walk, selection, parent, page, spreading);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type) cost += selectionCost(walk, selection.selectionSet, type, page, spreading);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      // A fragment that spreads itself is refused by validation; here it only must not loop.
      if (fragment && type && !spreading.has(name)) cost += selectionCost(walk, fragment.selectionSet, type, page, new Set([...spreading, name]));
    }
  }
  return cost;
}

function fieldCost(walk: Walk, node: FieldNode, parent: GraphQLNamedType, page: number | undefined, spreading: ReadonlySet<string>): number {
  const name = node.name.value;
  if (name === '__schema' || name === '__type') return 0;
  const field = fieldOf(parent, name);
  if (!field || !node.selectionSet) return 0;
  const paged = field.args.some((a) => a.name === 'first') ? pageSize(walk, node, `${parent.name}.${name}`) : undefined;
  const list = isListType(getNullableType(field.type));
  const items = !list ? 1 : (paged ?? LIST_BOUNDS[`${parent.name}.${name}`] ?? page ?? UNKNOWN_LIST_BOUND);
  // A connection passes its page on to its `nodes` and `edges`; a list spends it on its own items.
  const childPage = !list && paged !== undefined ? paged : undefined;
  const weight = FIELD_WEIGHTS[`${parent.name}.${name}`] ?? 0;
  return weight + items * (1 + selectionCost(walk, node.selectionSet, getNamedType(field.type), childPage, spreading));
}

function fieldOf(parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  // A union has no fields of its own (only __typename, which costs like any leaf).
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** `first` as the request gives it (a literal, a variable or its default), within the list's bound. */
function pageSize(walk: Walk, node: FieldNode, key: string): number {
  const max = PAGE_BOUNDS[key] ?? MAX_PAGE_SIZE;
  const value = node.arguments?.find((a) => a.name.value === 'first')?.value;
  const first = value === undefined ? undefined : intOf(walk, value);
  if (first === undefined || first === null) return Math.min(DEFAULT_PAGE_SIZE, max);
  // Outside the range the resolver refuses it (PAGE_SIZE_RANGE); weigh it as a full page meanwhile.
  return Number.isInteger(first) && first >= 1 && first <= max ? first : max;
}

function intOf(walk: Walk, value: ValueNode): number | null | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.NULL) return null;
  if (value.kind !== Kind.VARIABLE) return Number.NaN;
  const name = value.name.value;
  if (name in walk.variables) {
    const given = walk.variables[name];
    return given === null ? null : typeof given === 'number' ? given : Number.NaN;
  }
  const fallback = walk.defaults.get(name);
  return fallback ? intOf(walk, fallback) : undefined;
}
