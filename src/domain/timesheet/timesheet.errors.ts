import { ConflictError, ForbiddenError, ValidationError } from '../shared/domain-error';

/**
 * The transitions of a week that are not allowed, each with its own stable reason. A state that
 * does not allow the step is a CONFLICT (someone else moved the week on, or it was already done);
 * the wrong party is FORBIDDEN; a missing reason or confirmation is BAD_USER_INPUT.
 */
export const TimesheetReason = {
  NOT_EDITABLE: 'TIMESHEET_NOT_EDITABLE',
  ALREADY_SUBMITTED: 'TIMESHEET_ALREADY_SUBMITTED',
  NOT_SUBMITTED: 'TIMESHEET_NOT_SUBMITTED',
  NOT_APPROVED_BY_WORKER: 'TIMESHEET_NOT_APPROVED_BY_WORKER',
  ENTERED_BY_OTHER_PARTY: 'HOURS_ENTERED_BY_OTHER_PARTY',
  CONFIRMATION_REQUIRED: 'APPROVAL_CONFIRMATION_REQUIRED',
  DAY_IN_FUTURE: 'DAY_IN_FUTURE',
  WEEK_OUTSIDE_PLACEMENT: 'WEEK_OUTSIDE_PLACEMENT',
  WEEK_IN_FUTURE: 'WEEK_IN_FUTURE',
  REASON_REQUIRED: 'REASON_REQUIRED',
  DECLARATION_ALREADY_APPROVED: 'DECLARATION_ALREADY_APPROVED',
  DECLARATION_ALREADY_REJECTED: 'DECLARATION_ALREADY_REJECTED',
  DECLARATION_SUPERSEDED: 'DECLARATION_SUPERSEDED',
  NOTHING_TO_CORRECT: 'CORRECTION_CHANGES_NOTHING',
} as const;

export function notEditable(status: string): ConflictError {
  return new ConflictError(TimesheetReason.NOT_EDITABLE, `This week is ${status} and can no longer be changed here`, { status });
}

export function enteredByOtherParty(enteredBy: string): ForbiddenError {
  return new ForbiddenError(
    TimesheetReason.ENTERED_BY_OTHER_PARTY,
    enteredBy === 'RELATION' ? 'The relation enters the hours of this placement' : 'The flexworker enters the hours of this placement',
    { enteredBy },
  );
}

export function reasonRequired(path = 'reason'): ValidationError {
  return ValidationError.of(path, TimesheetReason.REASON_REQUIRED, 'Give a reason');
}
