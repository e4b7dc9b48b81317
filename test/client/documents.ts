import { gql } from '@apollo/client';

/*
 * The documents of a front end for the week story of docs/api.md, with fragments so that every
 * screen selects a week the same way. No variable has a scalar type other than ID, Int and
 * String (cursors): dates, weeks and hours travel inside the input types.
 */

export const WEEK_ROW = gql`
  fragment WeekRow on Timesheet {
    id week status version editable late expectedPayDate
    rejection { reason rejectedAt }
  }
`;

export const WEEK_FORM = gql`
  fragment WeekForm on Timesheet {
    ...WeekRow
    weekStart weekEnd
    days { date total blocks { start end } breakDuration workedHours }
    preview { workedHours schedule { name versions } totals { hourCode kind percentage hours } days { date scheduleVersion } }
    currentDeclaration { id number status }
  }
  ${WEEK_ROW}
`;

export const DECLARATION_ROW = gql`
  fragment DeclarationRow on Declaration {
    id number week status origin approvedByWorkerAt approvedByRelationAt rejectionReason
    flexworker { id fullName }
    breakdown { workedHours totals { hourCode kind percentage hours } }
  }
`;

// ---------------------------------------------------------------------------------------------
// The worker

export const LANDING = gql`
  query Landing {
    defaultTimesheet { ...WeekForm }
  }
  ${WEEK_FORM}
`;

export const BLUE_BAR = gql`
  query BlueBar($first: Int, $after: String) {
    openTimesheets(first: $first, after: $after) {
      nodes { ...WeekRow }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${WEEK_ROW}
`;

export const WEEK = gql`
  query Week($id: ID!) {
    timesheet(id: $id) { ...WeekForm }
  }
  ${WEEK_FORM}
`;

export const STATUS_TAB = gql`
  query StatusTab {
    declarationStatus(first: 20) {
      nodes { ...WeekRow approvedByWorkerAt approvedByRelationAt currentDeclaration { id number status } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${WEEK_ROW}
`;

export const SAVE = gql`
  mutation Save($input: SaveTimesheetInput!) {
    saveTimesheet(input: $input) {
      timesheet { ...WeekForm }
    }
  }
  ${WEEK_FORM}
`;

export const SAVE_AND_APPROVE = gql`
  mutation SaveAndApprove($input: SaveAndApproveTimesheetInput!) {
    saveAndApproveTimesheet(input: $input) {
      timesheet { ...WeekForm approvedByWorkerAt }
      declaration { ...DeclarationRow }
      removedFromOpenTimesheets
    }
  }
  ${WEEK_FORM}
  ${DECLARATION_ROW}
`;

// ---------------------------------------------------------------------------------------------
// The relation contact

export const INBOX = gql`
  query Inbox($first: Int, $after: String) {
    declarationsAwaitingApproval(first: $first, after: $after) {
      nodes { ...DeclarationRow }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${DECLARATION_ROW}
`;

export const APPROVE = gql`
  mutation Approve($input: ApproveDeclarationsInput!) {
    approveDeclarations(input: $input) {
      declarations { ...DeclarationRow }
      timesheets { ...WeekRow }
      removedFromAwaitingApproval
      removedFromOpenTimesheets
    }
  }
  ${DECLARATION_ROW}
  ${WEEK_ROW}
`;

export const REJECT = gql`
  mutation Reject($input: RejectDeclarationInput!) {
    rejectDeclaration(input: $input) {
      declaration { ...DeclarationRow rejectedAt }
      timesheet { ...WeekRow }
      removedFromAwaitingApproval
    }
  }
  ${DECLARATION_ROW}
  ${WEEK_ROW}
`;

// ---------------------------------------------------------------------------------------------
// Agency staff and payroll

export const OVERVIEW = gql`
  query Overview($filter: TimesheetFilterInput, $first: Int, $after: String) {
    timesheets(filter: $filter, first: $first, after: $after) {
      edges { cursor node { ...WeekRow currentDeclaration { id number origin status } } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${WEEK_ROW}
`;

export const HISTORY = gql`
  query History($id: ID!) {
    timesheet(id: $id) {
      ...WeekRow
      currentDeclaration { id number origin status }
      declarations { id number origin status supersededById }
    }
  }
  ${WEEK_ROW}
`;

export const CORRECT = gql`
  mutation Correct($input: CorrectDeclarationInput!) {
    correctDeclaration(input: $input) {
      declaration { ...DeclarationRow previousDeclarationId correctionReason approvedByAgency }
      timesheet {
        ...WeekRow
        currentDeclaration { id number origin status }
        declarations { id number origin status supersededById }
      }
    }
  }
  ${DECLARATION_ROW}
  ${WEEK_ROW}
`;

export const PAYROLL_DECLARATIONS = gql`
  query PayrollDeclarations($filter: DeclarationFilterInput, $first: Int, $after: String) {
    declarations(filter: $filter, first: $first, after: $after) {
      nodes { ...DeclarationRow timesheetId previousDeclarationId supersededById approvedByAgency }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${DECLARATION_ROW}
`;
