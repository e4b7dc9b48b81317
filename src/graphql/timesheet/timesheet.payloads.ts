import { Field, ID, ObjectType } from 'type-graphql';
import { EnteredWeek } from '../../application/timesheet/enter-hours.use-case';
import { CorrectedWeek } from '../../application/timesheet/correct-declaration.use-case';
import { RelationDecision } from '../../application/timesheet/relation-approval.use-case';
import { DeclarationType, TimesheetType } from './timesheet.types';

/*
 * What a week mutation changed, so that a normalising cache (Apollo InMemoryCache) can update
 * itself without refetching: the objects as they are now, and the ids that left the viewer's own
 * lists. Those ids come from the statuses before and after the step, never from asking a list
 * again: `openTimesheets` lists OPEN weeks of the viewer's placements where they enter the hours,
 * `declarationsAwaitingApproval` the declarations that are AWAITING_RELATION.
 */

const REMOVED_FROM_OPEN =
  "Ids of the weeks this mutation took out of the viewer's own `openTimesheets` (the blue bar): drop them from a cached list. Empty when none left it.";
const REMOVED_FROM_AWAITING =
  "Ids of the declarations this mutation took out of the viewer's `declarationsAwaitingApproval`: drop them from a cached list.";

@ObjectType('SaveTimesheetPayload', { description: 'What saveTimesheet changed: the week, still OPEN, with its preview.' })
export class SaveTimesheetPayload {
  @Field(() => TimesheetType, { description: 'The week as saved, with the new version and the unravelled preview.' })
  timesheet: TimesheetType;

  static from(entered: EnteredWeek): SaveTimesheetPayload {
    return Object.assign(new SaveTimesheetPayload(), { timesheet: TimesheetType.from(entered.timesheet, entered.breakdown) });
  }
}

@ObjectType('SaveAndApproveTimesheetPayload', {
  description: 'What saveAndApproveTimesheet changed: the week (SUBMITTED or APPROVED), the declaration it made, and the blue bar entry that went.',
})
export class SaveAndApproveTimesheetPayload {
  @Field(() => TimesheetType, { description: 'The week as approved, with the new version.' }) timesheet: TimesheetType;
  @Field(() => DeclarationType, { description: 'The declaration version this approval made (the week\'s currentDeclaration).' })
  declaration: DeclarationType;
  @Field(() => [ID], { description: REMOVED_FROM_OPEN }) removedFromOpenTimesheets: string[];

  static from(entered: EnteredWeek): SaveAndApproveTimesheetPayload {
    if (!entered.declaration) throw new Error('an approved week has a declaration');
    return Object.assign(new SaveAndApproveTimesheetPayload(), {
      timesheet: TimesheetType.from(entered.timesheet, entered.breakdown),
      declaration: DeclarationType.from(entered.declaration),
      removedFromOpenTimesheets: leftOpenTimesheets([{ timesheet: entered.timesheet, timesheetStatusBefore: entered.statusBefore }]),
    });
  }
}

@ObjectType('ApproveDeclarationsPayload', {
  description: 'What approveDeclarations changed: the declarations and their weeks (APPROVED), and the entries that left the lists.',
})
export class ApproveDeclarationsPayload {
  @Field(() => [DeclarationType], { description: 'The approved declarations, in the order of the input (each once).' })
  declarations: DeclarationType[];
  @Field(() => [TimesheetType], { description: 'The weeks of these declarations as they are now, in the same order (each once).' })
  timesheets: TimesheetType[];
  @Field(() => [ID], { description: REMOVED_FROM_AWAITING }) removedFromAwaitingApproval: string[];
  @Field(() => [ID], { description: REMOVED_FROM_OPEN }) removedFromOpenTimesheets: string[];

  static from(decisions: readonly RelationDecision[]): ApproveDeclarationsPayload {
    const weeks = new Map(decisions.map((d) => [d.timesheet.id, d.timesheet]));
    return Object.assign(new ApproveDeclarationsPayload(), {
      declarations: decisions.map((d) => DeclarationType.from(d.declaration)),
      timesheets: [...weeks.values()].map((t) => TimesheetType.from(t)),
      removedFromAwaitingApproval: leftAwaitingApproval(decisions),
      removedFromOpenTimesheets: leftOpenTimesheets(decisions),
    });
  }
}

@ObjectType('RejectDeclarationPayload', {
  description: 'What rejectDeclaration changed: the declaration (REJECTED), its week (OPEN again, showing the reason) and the inbox entry that went.',
})
export class RejectDeclarationPayload {
  @Field(() => DeclarationType, { description: 'The rejected declaration.' }) declaration: DeclarationType;
  @Field(() => TimesheetType, { description: 'Its week, OPEN again for whoever enters the hours.' }) timesheet: TimesheetType;
  @Field(() => [ID], { description: REMOVED_FROM_AWAITING }) removedFromAwaitingApproval: string[];

  static from(decision: RelationDecision): RejectDeclarationPayload {
    return Object.assign(new RejectDeclarationPayload(), {
      declaration: DeclarationType.from(decision.declaration),
      timesheet: TimesheetType.from(decision.timesheet),
      removedFromAwaitingApproval: leftAwaitingApproval([decision]),
    });
  }
}

@ObjectType('CorrectDeclarationPayload', { description: 'What correctDeclaration changed: the new declaration version and its week.' })
export class CorrectDeclarationPayload {
  @Field(() => DeclarationType, { description: 'The new declaration version (the correction); the one before is SUPERSEDED.' })
  declaration: DeclarationType;
  @Field(() => TimesheetType, { description: 'The week with its new version and current declaration.' }) timesheet: TimesheetType;

  static from(corrected: CorrectedWeek): CorrectDeclarationPayload {
    return Object.assign(new CorrectDeclarationPayload(), {
      declaration: DeclarationType.from(corrected.declaration),
      timesheet: TimesheetType.from(corrected.timesheet),
    });
  }
}

/**
 * Weeks that were OPEN and are no longer: they left the blue bar of whoever changed them (only
 * the party that enters a week's hours can move it out of OPEN, and only its blue bar lists it).
 */
export function leftOpenTimesheets(changes: readonly { timesheet: { id: string; status: string }; timesheetStatusBefore: string }[]): string[] {
  const ids = changes.filter((c) => c.timesheetStatusBefore === 'OPEN' && c.timesheet.status !== 'OPEN').map((c) => c.timesheet.id);
  return [...new Set(ids)];
}

/** Declarations that were waiting for the relation and are no longer. */
export function leftAwaitingApproval(
  changes: readonly { declaration: { id: string; status: string }; declarationStatusBefore: string }[],
): string[] {
  const awaiting = 'AWAITING_RELATION';
  const ids = changes.filter((c) => c.declarationStatusBefore === awaiting && c.declaration.status !== awaiting).map((c) => c.declaration.id);
  return [...new Set(ids)];
}
