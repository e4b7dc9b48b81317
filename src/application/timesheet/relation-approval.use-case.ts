import { ConflictError, ValidationError } from '../../domain/shared/domain-error';
import { Declaration } from '../../domain/timesheet/declaration.entity';
import { Act, Timesheet } from '../../domain/timesheet/timesheet.entity';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { canSeeWeek, declarationNotFound, timesheetNotFound } from './timesheet-access';
import { WeekDeps } from './week-deps';

export const MAX_DECLARATIONS_PER_APPROVAL = 100;

export interface ApproveDeclarationsInput {
  readonly declarationIds: readonly string[];
}

export interface RejectDeclarationInput {
  readonly declarationId: string;
  readonly reason: string;
}

/**
 * A relation contact approves declarations of its own placements, one or many at once: all of
 * them or none (a declaration that was corrected or already handled in the meantime refuses the
 * whole batch with CONFLICT, naming it).
 */
export class ApproveDeclarations {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: ApproveDeclarationsInput): Promise<Declaration[]> {
    requireRole(actor, 'RELATION_CONTACT');
    const ids = [...new Set(input.declarationIds)];
    if (ids.length === 0 || ids.length > MAX_DECLARATIONS_PER_APPROVAL) {
      throw ValidationError.of('declarationIds', 'DECLARATION_IDS_RANGE', `Approve 1 to ${MAX_DECLARATIONS_PER_APPROVAL} declarations at once`, {
        min: 1,
        max: MAX_DECLARATIONS_PER_APPROVAL,
      });
    }
    return this.deps.unitOfWork.run(async () => {
      // In sorted order: every batch takes the weeks' row locks in one order, so overlapping batches wait, never deadlock.
      const approved = new Map<string, Declaration>();
      for (const id of [...ids].sort()) approved.set(id, await decide(this.deps, actor, id, (t, d, act) => t.approveByRelation(d, act)));
      return ids.map((id) => approved.get(id) as Declaration);
    });
  }
}

/** A relation contact rejects a declaration with a reason: the week reopens for whoever enters the hours. */
export class RejectDeclaration {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: RejectDeclarationInput): Promise<Declaration> {
    requireRole(actor, 'RELATION_CONTACT');
    return this.deps.unitOfWork.run(() =>
      decide(this.deps, actor, input.declarationId, (t, d, act) => t.rejectByRelation(d, { ...act, reason: input.reason })),
    );
  }
}

/** One declaration and its week, decided by the relation; the week's row first, as everywhere. */
async function decide(
  deps: WeekDeps,
  actor: Actor,
  id: string,
  step: (timesheet: Timesheet, declaration: Declaration, act: Act) => void,
): Promise<Declaration> {
  const declaration = await deps.declarations.findById(actor.agencyId, id);
  if (!declaration || !canSeeWeek(actor, declaration)) throw declarationNotFound(id);
  const timesheet = await deps.timesheets.findById(actor.agencyId, declaration.timesheetId);
  if (!timesheet) throw timesheetNotFound(declaration.timesheetId);
  try {
    step(timesheet, declaration, { by: actor.id, at: deps.clock.now() });
  } catch (error) {
    // In a batch, say which declaration could not be decided.
    if (error instanceof ConflictError) throw new ConflictError(error.reason, error.message, { ...error.params, declarationId: id });
    throw error;
  }
  await deps.timesheets.update(timesheet);
  return deps.declarations.update(declaration);
}
