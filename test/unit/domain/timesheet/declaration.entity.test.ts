import { Declaration, DeclarationStatus, Stamp } from '../../../../src/domain/timesheet/declaration.entity';
import { DayEntry } from '../../../../src/domain/timesheet/day-entry.value-object';
import { aBreakdown, at, RELATION_USER, STAFF_USER, totals, WEEK, WORKER_USER } from '../../../support/mothers/timesheet.mother';
import { conflict, expectRefused } from './refusal';

const WORKER: Stamp = { by: WORKER_USER, at: at('2026-11-27T16:00:00Z') };
const RELATION: Stamp = { by: RELATION_USER, at: at('2026-11-30T08:00:00Z') };
const LATER = at('2026-12-01T09:00:00Z');

function aDeclaration(overrides: { relationApproval?: Stamp | null; days?: DayEntry[] } = {}): Declaration {
  const days = overrides.days ?? totals(['2026-11-23', '8:00']);
  return Declaration.create({
    id: 'decl-1',
    agencyId: 'agency-1',
    timesheetId: 'ts-1',
    placementId: 'placement-1',
    flexworkerId: 'flexworker-1',
    relationId: 'relation-1',
    week: WEEK,
    number: 1,
    origin: overrides.relationApproval ? 'RELATION' : 'WORKER',
    days,
    breakdown: aBreakdown(days),
    workerApproval: WORKER,
    relationApproval: overrides.relationApproval ?? null,
  });
}

const approve = (d: Declaration) => d.approveByRelation(RELATION);
const reject = (d: Declaration) => d.rejectByRelation({ ...RELATION, reason: 'Tuesday was a day off' });
const supersede = (d: Declaration) => d.supersede('decl-2', LATER);

describe('Declaration status', () => {
  it('starts AWAITING_RELATION, with nothing stamped but the worker approval, version 1', () => {
    const declaration = aDeclaration();
    expect(declaration.status).toBe('AWAITING_RELATION');
    expect(declaration.workerApproval).toEqual(WORKER);
    expect([declaration.relationApproval, declaration.rejection, declaration.correction, declaration.supersededAt, declaration.supersededBy]).toEqual([
      null, null, null, null, null,
    ]);
    expect(declaration.version).toBe(1);
  });

  it('starts APPROVED when the relation entered and approved the hours', () => {
    expect(aDeclaration({ relationApproval: RELATION }).status).toBe('APPROVED');
  });

  it.each<[string, ((d: Declaration) => void)[], DeclarationStatus]>([
    ['approved by the relation', [approve], 'APPROVED'],
    ['rejected by the relation', [reject], 'REJECTED'],
    ['superseded while waiting', [supersede], 'SUPERSEDED'],
    ['superseded after the approval', [approve, supersede], 'SUPERSEDED'],
    ['superseded after the rejection', [reject, supersede], 'SUPERSEDED'],
  ])('is derived from its stamps: %s', (_, steps, status) => {
    const declaration = aDeclaration();
    steps.forEach((step) => step(declaration));
    expect(declaration.status).toBe(status);
  });

  it('records each stamp as given', () => {
    const approved = aDeclaration();
    approve(approved);
    expect(approved.relationApproval).toEqual(RELATION);

    const rejected = aDeclaration();
    reject(rejected);
    expect(rejected.rejection).toEqual({ ...RELATION, reason: 'Tuesday was a day off' });
    expect(rejected.relationApproval).toBeNull();

    const superseded = aDeclaration();
    supersede(superseded);
    expect([superseded.supersededBy, superseded.supersededAt]).toEqual(['decl-2', LATER]);
  });
});

describe('Declaration stamps, each only once', () => {
  it.each<[string, ((d: Declaration) => void)[], (d: Declaration) => void, string]>([
    ['approve an approved one', [approve], approve, 'DECLARATION_ALREADY_APPROVED'],
    ['reject an approved one', [approve], reject, 'DECLARATION_ALREADY_APPROVED'],
    ['reject a rejected one', [reject], reject, 'DECLARATION_ALREADY_REJECTED'],
    ['approve a rejected one', [reject], approve, 'DECLARATION_ALREADY_REJECTED'],
    ['approve a superseded one', [supersede], approve, 'DECLARATION_SUPERSEDED'],
    ['reject a superseded one', [supersede], reject, 'DECLARATION_SUPERSEDED'],
    ['supersede a superseded one', [supersede], supersede, 'DECLARATION_SUPERSEDED'],
  ])('refuses to %s, changing nothing', (_, before, step, reason) => {
    const declaration = aDeclaration();
    before.forEach((b) => b(declaration));
    expectRefused(() => step(declaration), conflict(reason), [declaration]);
  });

  it('refuses to approve one the relation entered and approved itself', () => {
    const declaration = aDeclaration({ relationApproval: RELATION });
    expectRefused(() => approve(declaration), conflict('DECLARATION_ALREADY_APPROVED', { status: 'APPROVED' }), [declaration]);
  });

  it.each<[string, ((d: Declaration) => void)[], Pick<Declaration, 'relationApproval' | 'rejection'>]>([
    ['waiting for the relation', [], { relationApproval: null, rejection: null }],
    ['approved (a correction replaces it)', [approve], { relationApproval: RELATION, rejection: null }],
    ['rejected (a correction replaces it)', [reject], { relationApproval: null, rejection: { ...RELATION, reason: 'Tuesday was a day off' } }],
  ])('may be superseded once when %s: it is SUPERSEDED, stamped, keeps everything else, and refuses a second supersede', (_, before, kept) => {
    const declaration = aDeclaration();
    before.forEach((step) => step(declaration));
    const state = declaration.toState();

    supersede(declaration);

    expect(declaration.status).toBe('SUPERSEDED');
    expect([declaration.supersededBy, declaration.supersededAt]).toEqual(['decl-2', LATER]);
    // What happened before it was superseded stays on this version, and its hours never change.
    expect({ relationApproval: declaration.relationApproval, rejection: declaration.rejection }).toEqual(kept);
    expect([declaration.workerApproval, declaration.correction, declaration.approvedByAgency, declaration.version]).toEqual([WORKER, null, false, 1]);
    expect(declaration.days.map((d) => d.toData())).toEqual([{ date: '2026-11-23', total: '8:00' }]);
    expect(declaration.toState()).toEqual({ ...state, supersededAt: LATER, supersededBy: 'decl-2' });

    const refused = conflict('DECLARATION_SUPERSEDED', { declarationId: 'decl-1' });
    expectRefused(() => declaration.supersede('decl-3', at('2026-12-02T09:00:00Z')), refused, [declaration]);
    expectRefused(() => approve(declaration), refused, [declaration]);
    expectRefused(() => reject(declaration), refused, [declaration]);
    expect([declaration.status, declaration.supersededBy, declaration.supersededAt]).toEqual(['SUPERSEDED', 'decl-2', LATER]);
  });
});

describe('Declaration.correctionOf', () => {
  it('is a new version with the new days, keeping the worker’s approval; of approved hours, approved by the agency, not the relation', () => {
    const previous = aDeclaration();
    approve(previous);
    const days = totals(['2026-11-23', '7:30']);
    const correction = { by: STAFF_USER, at: LATER, reason: 'Monday was 7:30', previousDeclarationId: previous.id };

    const next = Declaration.correctionOf(previous, { id: 'decl-2', number: 2, days, breakdown: aBreakdown(days), correction });

    expect([next.id, next.number, next.origin, next.status, next.version]).toEqual(['decl-2', 2, 'CORRECTION', 'APPROVED', 1]);
    expect([next.workerApproval, next.relationApproval, next.approvedByAgency]).toEqual([WORKER, null, true]);
    expect(previous.relationApproval).toEqual(RELATION);
    expect(next.correction).toEqual(correction);
    expect(next.days.map((d) => d.toData())).toEqual([{ date: '2026-11-23', total: '7:30' }]);
    expect(next.breakdown.workedMinutes).toBe(450);
    expect([next.timesheetId, next.placementId, next.week]).toEqual([previous.timesheetId, previous.placementId, previous.week]);
    expect(previous.days.map((d) => d.toData())).toEqual([{ date: '2026-11-23', total: '8:00' }]);
  });

  it('clears what happened to the version it corrects', () => {
    const previous = aDeclaration();
    supersede(previous);
    const withVersion = previous.withVersion(3);
    const correction = { by: STAFF_USER, at: LATER, reason: 'x', previousDeclarationId: previous.id };
    const next = Declaration.correctionOf(withVersion, { id: 'decl-3', number: 3, days: [], breakdown: aBreakdown([]), correction });
    expect([next.status, next.supersededAt, next.supersededBy, next.rejection, next.version, next.approvedByAgency]).toEqual(['AWAITING_RELATION', null, null, null, 1, false]);
  });
});

describe('Declaration state', () => {
  it('keeps its own copy of the days', () => {
    const days = totals(['2026-11-23', '8:00']);
    const declaration = aDeclaration({ days });
    days.push(...totals(['2026-11-24', '4:00']));
    expect(declaration.days).toHaveLength(1);
  });

  it('rehydrates from its state and gives a copy with the stored version', () => {
    const declaration = aDeclaration();
    reject(declaration);
    const stored = declaration.withVersion(2);
    expect([stored.version, declaration.version]).toEqual([2, 1]);
    const again = Declaration.rehydrate(stored.toState());
    expect(again.toState()).toEqual(stored.toState());
    expect(again.status).toBe('REJECTED');
  });
});
