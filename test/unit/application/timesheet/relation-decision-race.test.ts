import { ApproveTimesheet } from '../../../../src/application/timesheet/enter-hours.use-case';
import { ApproveDeclarations, RejectDeclaration } from '../../../../src/application/timesheet/relation-approval.use-case';
import { ConflictError } from '../../../../src/domain/shared/domain-error';
import { Declaration } from '../../../../src/domain/timesheet/declaration.entity';
import { refusal, WeekWorld } from './week-world';

/*
 * Issue 8, item 9: of two decisions on one declaration at once, the loser gets the documented
 * reason (DECLARATION_ALREADY_APPROVED, TIMESHEET_NOT_SUBMITTED), not STALE_VERSION. On
 * PostgreSQL the loser waits at the week's row lock until the winner commits. The fakes run one
 * unit of work at a time, so the race is staged: the other decision is stored at the moment this
 * one first takes the week's row (a locking read, or else its update), as the database would let
 * the winner commit while the loser waits there.
 */
const AT = new Date('2026-11-30T08:00:00Z');

async function submitted(world: WeekWorld, week: string, date: string): Promise<Declaration> {
  const timesheet = await world.week(world.pW, week);
  const result = await new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: timesheet.id, expectedVersion: 1, days: [{ date, total: '8:00' }], confirm: true });
  return result.declaration!;
}

/** At this unit of work's first lock or write of a week, `other` decides the declaration and is stored first. */
function winnerCommitsFirst(world: WeekWorld, declarationId: string, other: 'APPROVE' | 'REJECT'): void {
  const { timesheets, declarations } = world;
  const lock = timesheets.findByIdForUpdate.bind(timesheets);
  const update = timesheets.update.bind(timesheets);
  let done = false;
  const commitOther = async () => {
    if (done) return;
    done = true;
    const declaration = (await declarations.findById('agency-a', declarationId))!;
    const timesheet = (await timesheets.findById('agency-a', declaration.timesheetId))!;
    if (other === 'APPROVE') timesheet.approveByRelation(declaration, { by: 'u-c1', at: AT });
    else timesheet.rejectByRelation(declaration, { by: 'u-c1', at: AT, reason: 'Wrong day' });
    await update(timesheet);
    await declarations.update(declaration);
  };
  jest.spyOn(timesheets, 'findByIdForUpdate').mockImplementation(async (agencyId, id) => {
    await commitOther();
    return lock(agencyId, id);
  });
  jest.spyOn(timesheets, 'update').mockImplementation(async (timesheet) => {
    await commitOther();
    return update(timesheet);
  });
}

describe('the relation deciding a declaration that another decision just took', () => {
  it('a second approval gets DECLARATION_ALREADY_APPROVED naming the declaration, not STALE_VERSION', async () => {
    const world = await WeekWorld.build();
    const declaration = await submitted(world, '2026-W47', '2026-11-16');
    winnerCommitsFirst(world, declaration.id, 'APPROVE');

    const error = await refusal(new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [declaration.id] }));

    expect(error).toBeInstanceOf(ConflictError);
    expect([error.reason, error.params]).toEqual(['DECLARATION_ALREADY_APPROVED', { status: 'APPROVED', declarationId: declaration.id }]);
  });

  it('an approval after a rejection gets TIMESHEET_NOT_SUBMITTED; a rejection after an approval DECLARATION_ALREADY_APPROVED', async () => {
    const world = await WeekWorld.build();
    const first = await submitted(world, '2026-W47', '2026-11-16');
    const second = await submitted(world, '2026-W48', '2026-11-23');

    winnerCommitsFirst(world, first.id, 'REJECT');
    const approving = await refusal(new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [first.id] }));
    expect([approving.reason, approving.params]).toEqual(['TIMESHEET_NOT_SUBMITTED', { status: 'OPEN', declarationId: first.id }]);

    jest.restoreAllMocks();
    winnerCommitsFirst(world, second.id, 'APPROVE');
    const rejecting = await refusal(new RejectDeclaration(world.deps).execute(world.contact1, { declarationId: second.id, reason: 'Too many hours' }));
    expect([rejecting.reason, rejecting.params]).toEqual(['DECLARATION_ALREADY_APPROVED', { status: 'APPROVED', declarationId: second.id }]);
  });

  it('a batch takes its workers\' hours locks first, then its declarations\' weeks sorted by the weeks\' ids, each once', async () => {
    const world = await WeekWorld.build();
    const declarations = [await submitted(world, '2026-W46', '2026-11-09'), await submitted(world, '2026-W47', '2026-11-16'), await submitted(world, '2026-W48', '2026-11-23')];
    const weekIds = declarations.map((d) => d.timesheetId);
    const lock = world.timesheets.findByIdForUpdate.bind(world.timesheets);
    jest.spyOn(world.timesheets, 'findByIdForUpdate').mockImplementation(async (agencyId, id) => {
      world.log.push(`week ${id}`);
      return lock(agencyId, id);
    });
    world.log.length = 0;
    world.timesheets.lockedIds.length = 0;

    await new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [...declarations].reverse().map((d) => d.id) });

    // The worker's lock (which every writer of the worker's hours takes first, so the settlement of
    // a period reads weeks nobody is changing), then the weeks in one order: no cycle with a save.
    expect(world.log.slice(0, 4)).toEqual(['lock w1', ...[...weekIds].sort().map((id) => `week ${id}`)]);
    expect(world.log.filter((entry) => entry.startsWith('lock'))).toEqual(['lock w1']);
    expect(world.timesheets.lockedIds.slice(0, 3)).toEqual([...weekIds].sort());
    // Then each decision reads its week again under the lock it holds already.
    const decidedInOrder = [...declarations].sort((a, b) => (a.id < b.id ? -1 : 1)).map((d) => d.timesheetId);
    expect(world.timesheets.lockedIds.slice(3)).toEqual(decidedInOrder);
  });
});
