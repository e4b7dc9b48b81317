import { GqlResponse, TestApp } from '../../support/test-app';
import { AUTHORIZATION_MATRIX, CALLERS, Outcome, Owner } from './matrix';
import { CellRequest, OperationSpec, Scene } from './scene';
import { everything, hiddenFrom } from './secrets';
import { World } from './world';

/*
 * One cell of the matrix: an operation sent by one caller for one owner kind, from one agency.
 * It is judged on its outcome and on what its answer holds.
 */

export interface Cell {
  readonly operation: string;
  readonly owner: Owner;
  readonly outcome: Exclude<Outcome, 'n/a'>;
  readonly scene: Scene;
}

const REFUSALS: Readonly<Record<string, { code: string; reason?: string }>> = {
  NOT_FOUND: { code: 'NOT_FOUND', reason: 'NOT_FOUND' },
  ROLE_NOT_ALLOWED: { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' },
  HOURS_ENTERED_BY_OTHER_PARTY: { code: 'FORBIDDEN', reason: 'HOURS_ENTERED_BY_OTHER_PARTY' },
  UNAUTHENTICATED: { code: 'UNAUTHENTICATED' },
};

/** Every cell of an operation, from each agency towards the other; n/a cells are left out. */
export function cellsOf(operation: string, worlds: readonly [World, World]): Cell[] {
  const entry = AUTHORIZATION_MATRIX[operation];
  const directions = [worlds, [worlds[1], worlds[0]] as const];
  return directions.flatMap(([world, other]) =>
    (Object.keys(entry) as Owner[]).flatMap((owner) =>
      CALLERS.flatMap((caller) => {
        const outcome = entry[owner]![caller];
        return outcome === 'n/a' ? [] : [{ operation, owner, outcome, scene: { caller, world, other } }];
      }),
    ),
  );
}

function tokenOf(spec: OperationSpec, scene: Scene): string | undefined {
  const { caller, world } = scene;
  if (caller === 'anonymous') return undefined;
  if (caller !== 'PAYROLL' && spec.session === 'spareSession') return world.spareSessions[caller];
  if (caller !== 'PAYROLL' && spec.session === 'spareUser') return world.spareUsers[caller].token;
  return world.callers[caller].token;
}

function label(cell: Cell): string {
  return `${cell.operation} by ${cell.scene.caller} of ${cell.scene.world.label} on ${cell.owner}${cell.owner === 'none' ? '' : ` (${cell.scene.other.label} is the other agency)`}`;
}

function summary(response: GqlResponse<unknown>): string {
  const error = response.body.errors?.[0];
  if (error) return `${error.extensions?.code}/${error.extensions?.reason ?? '-'} "${error.message}"`;
  return `data ${JSON.stringify(response.body.data).slice(0, 200)}`;
}

/** Every value of an `id` field in the answer. */
function idsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(idsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === 'id' && typeof inner === 'string' ? [inner] : idsIn(inner)));
}

/** Why the answer is not the cell's outcome; null when it is. */
function wrongOutcome(cell: Cell, request: CellRequest, response: GqlResponse<Record<string, unknown>>): string | null {
  const { errors, data } = response.body;
  const answer = data?.[cell.operation];
  if (cell.outcome === 'data' || cell.outcome === 'empty') {
    if (errors) return `refused: ${summary(response)}`;
    if (cell.outcome === 'data' && (answer === null || answer === undefined)) return 'answered null';
    if (cell.outcome === 'data' && request.expect && !JSON.stringify(answer).includes(request.expect)) return `lacks ${request.expect}: ${summary(response)}`;
    if (cell.outcome === 'empty' && idsIn(answer).length > 0) return `not empty: ${summary(response)}`;
    return null;
  }
  const refusal = REFUSALS[cell.outcome];
  const error = errors?.[0];
  if (!error) return `answered ${summary(response)}`;
  if (error.extensions?.code !== refusal.code || (refusal.reason && error.extensions?.reason !== refusal.reason)) return `got ${summary(response)}`;
  if (answer !== null && answer !== undefined) return `refused, yet answered ${summary(response)}`;
  return null;
}

/** What the answer holds of the other agency or of what the caller may not see (errors may repeat what was sent). */
function leaks(cell: Cell, request: CellRequest, response: GqlResponse<unknown>): string[] {
  const { scene } = cell;
  const secrets = [...everything(scene.other), ...hiddenFrom(scene.world, scene.caller)];
  const data = JSON.stringify(response.body.data ?? null);
  const sent = JSON.stringify(request.variables ?? {});
  const errors = JSON.stringify(response.body.errors ?? []);
  return secrets.filter((secret) => data.includes(secret) || (errors.includes(secret) && !sent.includes(secret)));
}

/** Sends the cell; a description of what is wrong with the answer, or null. */
export async function runCell(t: TestApp, spec: OperationSpec, cell: Cell): Promise<string | null> {
  const request = spec.owners[cell.owner]!(cell.scene);
  const response = await t.gql<Record<string, unknown>>(spec.document, request.variables ?? {}, { token: tokenOf(spec, cell.scene) });
  const problems = [wrongOutcome(cell, request, response), ...leaks(cell, request, response).map((s) => `LEAK of ${s}: ${summary(response)}`)];
  const found = problems.filter((p): p is string => p !== null);
  return found.length === 0 ? null : `${label(cell)}: expected ${cell.outcome}, ${found.join('; ')}`;
}

/** Runs `work` over `items`, `size` at a time. */
export async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}
