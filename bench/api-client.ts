import { DEMO, DEMO_LOGINS } from '../src/infrastructure/demo/demo-data';

/* What `npm run bench:api` asks the server outside the load: logins, one request at a time, and /metrics. */

export interface GraphqlAnswer {
  readonly status: number;
  readonly body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** The JSON body and headers of one POST /graphql, as the load generator sends it too. */
export interface GraphqlRequest {
  readonly body: string;
  readonly headers: Record<string, string>;
}

export function graphqlRequest(query: string, variables?: Record<string, unknown>, token?: string): GraphqlRequest {
  return {
    body: JSON.stringify(variables ? { query, variables } : { query }),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  };
}

export async function send(url: string, request: GraphqlRequest): Promise<GraphqlAnswer> {
  const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as GraphqlAnswer['body'] };
  } catch {
    return { status: response.status, body: { errors: [{ message: `not JSON: ${text.slice(0, 300)}` }] } };
  }
}

/** The answer's data, or an error that says what came back instead (status and GraphQL errors). */
export async function dataOf(url: string, request: GraphqlRequest, what: string): Promise<Record<string, unknown>> {
  const answer = await send(url, request);
  if (answer.status !== 200 || answer.body.errors || !answer.body.data) {
    throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body.errors ?? answer.body).slice(0, 2000)}`);
  }
  return answer.body.data;
}

const LOGIN = 'mutation Login($input: LoginInput!) { login(input: $input) { token viewer { role } } }';

async function login(url: string, email: string, role: string): Promise<string> {
  const data = await dataOf(url, graphqlRequest(LOGIN, { input: { email, password: DEMO_LOGINS.password } }), `login of ${email}`);
  const result = data.login as { token: string; viewer: { role: string } };
  if (result.viewer.role !== role) throw new Error(`login of ${email}: role ${result.viewer.role}, expected ${role}`);
  return result.token;
}

export interface DemoTokens {
  /** Ana Ferreira: her own placement's weeks on the schoonmaak CAO (night shifts, ORT). */
  readonly worker: string;
  /** The contact of Ana's relation (Glansrijk), who approves her weeks. */
  readonly contact: string;
  readonly staff: string;
}

/** Bearer tokens of the demo's worker Ana, the contact of her relation, and the agency's staff. */
export async function demoTokens(url: string): Promise<DemoTokens> {
  const ana = DEMO.workers.find((w) => w.worker.firstName === 'Ana')!;
  return {
    worker: await login(url, ana.worker.email, 'FLEXWORKER'),
    contact: await login(url, DEMO.relations[ana.relationIndex].contact.email, 'RELATION_CONTACT'),
    staff: await login(url, DEMO.staff.email, 'AGENCY_STAFF'),
  };
}

/** The sum of every sample of `name` in a Prometheus text exposition; undefined when it is absent. */
export function metricSum(text: string, name: string): number | undefined {
  let sum: number | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== '{' && rest[0] !== ' ' && rest[0] !== '\t') continue; // another metric with this prefix
    const value = Number(rest.replace(/^\{.*\}/, '').trim().split(/\s+/)[0]);
    if (Number.isFinite(value)) sum = (sum ?? 0) + value;
  }
  return sum;
}

/** GET /metrics next to the GraphQL endpoint; undefined when the server has none (or not in the text format). */
export async function readMetrics(graphqlUrl: string): Promise<string | undefined> {
  try {
    const response = await fetch(new URL('/metrics', graphqlUrl), { signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    return response.status === 200 && /^# (HELP|TYPE) /m.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

export const STATEMENTS_METRIC = 'flexportal_db_statements_total';
