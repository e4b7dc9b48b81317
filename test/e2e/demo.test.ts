import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_LOGINS } from '../../src/infrastructure/demo/demo-seed';

/**
 * What `npm start` does on a fresh checkout, run as its own process (src/main.ts): no
 * configuration at all, so the embedded PostgreSQL in DATA_DIR, migrations, the demo agency
 * created once (with past weeks dated from today's real clock; demo-seed.test.ts checks them in
 * detail at a fixed moment), the URL printed, and a clean stop on SIGTERM. A second start on the same folder
 * keeps every row (and the generated field key, so BSNs still decrypt).
 */
const root = path.resolve(__dirname, '../..');
const STOP_BOUND_MS = 15_000;

interface Server {
  readonly url: string;
  readonly process: ChildProcess;
  output(): string;
}

function startServer(dataDir: string): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  for (const name of ['DATABASE_URL', 'TEST_DATABASE_URL', 'FIELD_ENCRYPTION_KEY', 'SEED_DEMO']) delete env[name];
  const child = spawn(process.execPath, ['-r', './test/support/swc-register.js', 'src/main.ts'], { cwd: root, env });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed in time:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Flexportal GraphQL API: (\S+)/.exec(output);
      if (match && output.includes('Try:')) {
        clearTimeout(timer);
        resolve({ url: match[1], process: child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

function stopServer(server: Server): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      server.process.kill('SIGKILL');
      reject(new Error('the server did not stop within the bound'));
    }, STOP_BOUND_MS);
    server.process.removeAllListeners('exit');
    server.process.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    server.process.kill('SIGTERM');
  });
}

async function gql(url: string, query: string, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown[] };
}

const LOGIN = (email: string) =>
  `mutation { login(input: {email: "${email}", password: "${DEMO_LOGINS.password}"}) { token viewer { role agencyName } } }`;
const WORKER_VIEW =
  '{ viewer { displayName role } placements { nodes { functionName hoursEnteredBy flexworker { bsnMasked ibanMasked } relation { name } } } }';

const WEEKS_VIEW = `{ placements { nodes { caoSchedule { name } } } openTimesheets { nodes { week } }
  declarationStatus { nodes { week status late declarations { origin } } } }`;
interface WeeksView {
  placements: { nodes: unknown[] };
  openTimesheets: { nodes: unknown[] };
  declarationStatus: { nodes: { status: string; late: boolean; declarations: { origin: string }[] }[] };
}

async function tokenOf(url: string, email: string): Promise<string> {
  const result = await gql(url, LOGIN(email));
  expect(result.errors).toBeUndefined();
  return result.data!.login.token as string;
}

describe('npm start on a fresh checkout', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flexportal-demo-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the demo on the embedded database, stops on SIGTERM, and a second start keeps the data', async () => {
    const first = await startServer(dataDir);
    let workerView: unknown;
    let firstStop: number | null | undefined;
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      expect(first.output()).toContain(DEMO_LOGINS.users[0].email);
      expect(first.output()).toContain('"created":true');
      for (const login of DEMO_LOGINS.users) {
        const result = await gql(first.url, LOGIN(login.email));
        expect(result.errors).toBeUndefined();
        expect(result.data?.login).toMatchObject({ viewer: { role: login.role, agencyName: 'U-Boss uitzendbureau' } });
      }
      workerView = (await gql(first.url, WORKER_VIEW, await tokenOf(first.url, DEMO_LOGINS.users[0].email))).data;
      expect(workerView).toMatchObject({
        viewer: { role: 'FLEXWORKER', displayName: 'Jan Jansen' },
        placements: { nodes: [{ relation: { name: 'Bakkerij De Gouden Korrel' }, flexworker: { bsnMasked: '******333' } }] },
      });
    } finally {
      firstStop = await stopServer(first);
    }
    expect(firstStop).toBe(0);

    const second = await startServer(dataDir);
    let secondStop: number | null | undefined;
    try {
      expect(second.output()).toContain('"created":false');
      expect((await gql(second.url, WORKER_VIEW, await tokenOf(second.url, DEMO_LOGINS.users[0].email))).data).toEqual(workerView);
      const staff = await tokenOf(second.url, 'planner@uboss.example');
      const all = await gql(second.url, '{ placements { nodes { hoursEnteredBy } } flexworkers { nodes { id } } relations { nodes { id } } }', staff);
      const data = all.data as unknown as {
        placements: { nodes: { hoursEnteredBy: string }[] };
        flexworkers: { nodes: unknown[] };
        relations: { nodes: unknown[] };
      };
      expect(data.flexworkers.nodes).toHaveLength(4);
      expect(data.relations.nodes).toHaveLength(3);
      expect(data.placements.nodes.map((p) => p.hoursEnteredBy).sort()).toEqual(['FLEXWORKER', 'FLEXWORKER', 'FLEXWORKER', 'RELATION']);
      // The past weeks, dated from today's clock: something to do, and weeks at every stage.
      const ana = await tokenOf(second.url, 'ana.ferreira@example.com');
      const weeks = (await gql(second.url, WEEKS_VIEW, ana)).data as unknown as WeeksView;
      expect(weeks.placements.nodes).toEqual([{ caoSchedule: { name: 'Schoonmaak- en glazenwassersbedrijf (model)' } }]);
      expect(weeks.openTimesheets.nodes.length).toBeGreaterThanOrEqual(2);
      const statuses = weeks.declarationStatus.nodes.map((w) => w.status);
      expect(statuses).toEqual(expect.arrayContaining(['OPEN', 'SUBMITTED', 'APPROVED']));
      expect(weeks.declarationStatus.nodes.some((w) => w.late && w.status === 'APPROVED')).toBe(true);
      expect(weeks.declarationStatus.nodes.some((w) => w.declarations.some((d) => d.origin === 'CORRECTION'))).toBe(true);
    } finally {
      secondStop = await stopServer(second);
    }
    expect(secondStop).toBe(0);
  }, 120_000);
});
