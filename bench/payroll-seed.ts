/**
 * The data of `npm run bench:payroll`: one agency with a staff member, a PAYROLL API client, a CAO
 * schedule, relations with a contact each, and workers with a user and a placement at a relation.
 * Each worker has up to 50 weeks (2025-W50 … 2026-W47) entered as day totals, approved by the
 * worker and the relation: a timesheet in APPROVED and its first declaration, whose breakdown has
 * the shape the unravel engine stores for day totals under the schedule (NORMAL U100 up to 8:00 a
 * day, OVERTIME OW125 above it, the time-of-day windows "not applied").
 *
 * The agency, its staff, schedule, relations and API client go through the use cases; the bulk
 * (workers, users, placements, weeks) is inserted with SQL, one statement per table and week, in
 * one transaction per week (the timesheet's key to its declaration is deferred).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { Actor } from '../src/application/shared/actor';
import { RunningApp } from '../src/composition-root';
import { Agency } from '../src/domain/agency/agency.entity';
import { User } from '../src/domain/identity/user.entity';
import { IsoWeek } from '../src/domain/time/iso-week.value-object';
import { FieldCipher } from '../src/infrastructure/crypto/field-cipher';

export const WEEKS = 50;
const FIRST_WEEK = IsoWeek.of(2025, 50);
const RELATIONS = 40;
const SCHEDULE_FIXTURE = join(__dirname, '../../test/fixtures/unravel/schoonmaak/schedule.json');

export interface SeedOptions {
  readonly declarations: number;
  readonly fieldKey: Buffer;
  readonly progress: (message: string) => void;
}

export interface SeededAgency {
  readonly agencyId: string;
  readonly apiKey: string;
  readonly workers: number;
  readonly declarations: number;
  /** Optional columns of other branches found and filled (flexworkers.payroll_number, …). */
  readonly optionalColumns: readonly string[];
}

interface Worker {
  readonly flexworkerId: string;
  readonly placementId: string;
  readonly userId: string;
  readonly relationId: string;
  readonly contactId: string;
}

/** A small deterministic generator, so every run seeds the same hours. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function seedPayrollAgency(app: RunningApp, sql: Client, options: SeedOptions): Promise<SeededAgency> {
  const s = app.services;
  const optional = await optionalColumns(sql);
  const agencyId = s.ids.next();
  await s.repositories.agencies.insert(Agency.create({ id: agencyId, name: `Bench payroll ${new Date().toISOString()}` }));
  if (optional.includes('agencies.payroll_reads_bsn')) await sql.query('UPDATE agencies SET payroll_reads_bsn = true WHERE id = $1', [agencyId]);
  const staffUser = User.create({
    id: s.ids.next(),
    agencyId,
    email: `staff-${agencyId}@bench.example`,
    displayName: 'Bench Staff',
    role: 'AGENCY_STAFF',
    language: 'en',
    passwordHash: await s.hasher.hash('bench payroll password'),
    now: new Date(),
  });
  await s.repositories.users.insert(staffUser);
  const staff: Actor = { kind: 'USER', id: staffUser.id, role: 'AGENCY_STAFF', agencyId };
  const apiKey = (await s.identity.createApiClient.execute(staff, { name: 'Bench payroll system' })).apiKey;
  const schedule = await createSchedule(app, staff);
  const relationIds: string[] = [];
  for (let i = 0; i < RELATIONS; i++) relationIds.push((await s.organisation.createRelation.execute(staff, { name: `Bench relation ${i + 1}` })).id);

  const workerCount = Math.max(1, Math.ceil(options.declarations / WEEKS));
  const contacts = await insertContacts(sql, agencyId, staffUser.id, relationIds);
  const workers = await insertWorkers(sql, { agencyId, staffUserId: staffUser.id, relationIds, contacts, count: workerCount, scheduleId: schedule.id, optional, fieldKey: options.fieldKey });
  options.progress(`${RELATIONS} relations, ${workers.length} workers with placements`);
  let declarations = 0;
  let week = FIRST_WEEK;
  for (let k = 0; k < WEEKS; k++, week = week.next()) {
    // Worker w has weeks 0 … while w × WEEKS + k < declarations: the total is exact, the workers all start together.
    const those = workers.filter((_, w) => w * WEEKS + k < options.declarations);
    if (those.length === 0) break;
    await insertWeek(sql, agencyId, week, those, schedule);
    declarations += those.length;
    if ((k + 1) % 10 === 0) options.progress(`${declarations} approved declarations`);
  }
  return { agencyId, apiKey, workers: workers.length, declarations, optionalColumns: optional };
}

/** Columns that other branches of issue 10 add; filled when present, skipped otherwise. */
async function optionalColumns(sql: Client): Promise<string[]> {
  const wanted = ['flexworkers.payroll_number', 'placements.cost_centre', 'placements.purchase_order_reference', 'agencies.payroll_reads_bsn'];
  const { rows } = await sql.query<{ name: string }>(
    `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name || '.' || column_name = ANY($1::text[])`,
    [wanted],
  );
  return rows.map((r) => r.name).sort();
}

interface ScheduleRef {
  readonly id: string;
  readonly name: string;
}

/** The cleaning CAO of the unravel fixtures, with an earlier copy of its version so that the weeks of 2025 have one too. */
async function createSchedule(app: RunningApp, staff: Actor): Promise<ScheduleRef> {
  const fixture = JSON.parse(readFileSync(SCHEDULE_FIXTURE, 'utf8')) as { name: string; source?: string; versions: { validFrom: string }[] };
  const name = `${fixture.name} (bench)`;
  const versions = [{ ...fixture.versions[0], validFrom: '2025-06-01' }, ...fixture.versions];
  const schedule = await app.services.caoSchedules.createCaoSchedule.execute(staff, { name, source: fixture.source, versions });
  return { id: schedule.id, name };
}

async function insertContacts(sql: Client, agencyId: string, staffUserId: string, relationIds: readonly string[]): Promise<string[]> {
  const ids = relationIds.map(() => randomUUID());
  await sql.query(
    `INSERT INTO users (id, agency_id, email, display_name, role, relation_id, language, password_hash, password_changed_at)
     SELECT x.id, $1, 'contact-' || x.id || '@bench.example', 'Contact ' || x.ord, 'RELATION_CONTACT', x.relation_id, 'nl',
            (SELECT password_hash FROM users WHERE id = $2), now()
     FROM unnest($3::uuid[], $4::uuid[]) WITH ORDINALITY AS x(id, relation_id, ord)`,
    [agencyId, staffUserId, ids, relationIds],
  );
  return ids;
}

const FIRST_NAMES = ['Anna', 'Bram', 'Chloë', 'Daan', 'Eva', 'Finn', 'Gosia', 'Hugo', 'Ioana', 'Jan', 'Kasia', 'Lars', 'Maria', 'Nikola', 'Olga', 'Piotr'];
const LAST_NAMES = ['de Vries', 'Jansen', 'Kowalski', 'van Dijk', 'Popescu', 'Bakker', 'Nowak', 'Smit', 'Ivanov', 'de Jong', 'Horváth', 'Visser'];

/** A BSN that passes the eleven test (9 digits, weighted 9 … 2 and -1). */
function bsn(n: number): string {
  for (let candidate = 100_000_000 + ((n * 7919) % 800_000_000); ; candidate++) {
    const digits = String(candidate).split('').map(Number);
    const sum = digits.slice(0, 8).reduce((acc, d, i) => acc + d * (9 - i), 0) - digits[8];
    if (sum % 11 === 0) return String(candidate);
  }
}

interface WorkerInput {
  readonly agencyId: string;
  readonly staffUserId: string;
  readonly relationIds: readonly string[];
  readonly contacts: readonly string[];
  readonly count: number;
  readonly scheduleId: string;
  readonly optional: readonly string[];
  readonly fieldKey: Buffer;
}

async function insertWorkers(sql: Client, input: WorkerInput): Promise<Worker[]> {
  const cipher = new FieldCipher(input.fieldKey);
  const workers: Worker[] = Array.from({ length: input.count }, (_, w) => ({
    flexworkerId: randomUUID(),
    placementId: randomUUID(),
    userId: randomUUID(),
    relationId: input.relationIds[w % input.relationIds.length],
    contactId: input.contacts[w % input.contacts.length],
  }));
  const ids = workers.map((w) => w.flexworkerId);
  const payrollNumbers = input.optional.includes('flexworkers.payroll_number');
  await sql.query(
    `INSERT INTO flexworkers (id, agency_id, first_name, last_name, email, language, bsn_encrypted)
     SELECT x.id, $1, x.first_name, x.last_name, 'worker-' || x.ord || '-' || x.id || '@bench.example', 'nl', x.bsn
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS x(id, first_name, last_name, bsn, ord)`,
    [
      input.agencyId,
      ids,
      workers.map((_, w) => FIRST_NAMES[w % FIRST_NAMES.length]),
      workers.map((_, w) => `${LAST_NAMES[(w * 5) % LAST_NAMES.length]} ${w + 1}`),
      workers.map((worker, w) => cipher.encrypt(bsn(w + 1), `flexworkers.bsn:${worker.flexworkerId}`)),
    ],
  );
  if (payrollNumbers) {
    await sql.query(
      `UPDATE flexworkers f SET payroll_number = 'P' || lpad(x.ord::text, 6, '0')
       FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, ord) WHERE f.agency_id = $1 AND f.id = x.id`,
      [input.agencyId, ids],
    );
  }
  await sql.query(
    `INSERT INTO users (id, agency_id, email, display_name, role, flexworker_id, language, password_hash, password_changed_at)
     SELECT x.user_id, $1, 'login-' || x.user_id || '@bench.example', 'Worker', 'FLEXWORKER', x.id, 'nl',
            (SELECT password_hash FROM users WHERE id = $2), now()
     FROM unnest($3::uuid[], $4::uuid[]) AS x(user_id, id)`,
    [input.agencyId, input.staffUserId, workers.map((w) => w.userId), ids],
  );
  await sql.query(
    `INSERT INTO placements (id, agency_id, flexworker_id, relation_id, start_date, function_name, cost_centre, contract_minutes_per_week,
       allowed_entry_modes, hours_entered_by, send_invitations, send_reminders, cao_schedule_id)
     SELECT x.id, $1, x.flexworker_id, x.relation_id, DATE '2025-12-01', 'Schoonmaker', 'KP-' || (1000 + x.ord % 97), 2400,
            ARRAY['DAY_TOTAL', 'TIMES'], 'FLEXWORKER', false, false, $2
     FROM unnest($3::uuid[], $4::uuid[], $5::uuid[]) WITH ORDINALITY AS x(id, flexworker_id, relation_id, ord)`,
    [input.agencyId, input.scheduleId, workers.map((w) => w.placementId), ids, workers.map((w) => w.relationId)],
  );
  if (input.optional.includes('placements.purchase_order_reference')) {
    await sql.query(
      `UPDATE placements SET purchase_order_reference = 'PO-2026-' || substr(relation_id::text, 1, 6) WHERE agency_id = $1 AND (id::text < '8')`,
      [input.agencyId],
    );
  }
  return workers;
}

const NOT_APPLIED = (day: string, version: string) =>
  ['nacht', 'avond'].map((rule) => ({ rule: { rule, scheduleVersion: version }, explanation: { key: 'note.needsTimeOfDay', params: { day, rule } } }));
const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI'];
const hm = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** The days entered (day totals) and the breakdown the engine stores for them. */
function weekOfWork(week: IsoWeek, schedule: ScheduleRef, rnd: () => number): { days: object[]; breakdown: object; worked: number } {
  const days: object[] = [];
  const breakdownDays: object[] = [];
  const totals = { normal: 0, overtime: 0 };
  for (let d = 0; d < 5; d++) {
    if (rnd() < 0.1) continue; // a day off now and then
    const date = week.monday.plusDays(d).toString();
    const version = date >= '2026-01-01' ? '2026-01-01' : '2025-06-01';
    const worked = 360 + Math.floor(rnd() * 15) * 15; // 6:00 … 9:30
    const normal = Math.min(worked, 480);
    const lines: object[] = [
      { to: null, date, from: null, kind: 'NORMAL', rule: { rule: 'hourCodes.normal', scheduleVersion: version }, minutes: normal, hourCode: 'U100', percentage: 100, explanation: { key: 'line.normal', params: {} } },
    ];
    if (worked > 480) {
      lines.push({
        to: null, date, from: null, kind: 'OVERTIME', rule: { rule: 'overwerk-dag.tiers[0]', scheduleVersion: version }, minutes: worked - 480,
        hourCode: 'OW125', percentage: 125, explanation: { key: 'line.overtimeDay', params: { after: '8:00', percentage: 125 } },
      });
    }
    totals.normal += normal;
    totals.overtime += worked - normal;
    days.push({ date, total: hm(worked) });
    breakdownDays.push({ date, lines, notApplied: NOT_APPLIED(WEEKDAYS[d], version), workedMinutes: worked, scheduleVersion: version });
  }
  const worked = totals.normal + totals.overtime;
  const versions = [...new Set(breakdownDays.map((d) => (d as { scheduleVersion: string }).scheduleVersion))].sort();
  const breakdown = {
    days: breakdownDays,
    totals: [
      ...(totals.overtime > 0 ? [{ kind: 'OVERTIME', minutes: totals.overtime, hourCode: 'OW125', percentage: 125 }] : []),
      ...(totals.normal > 0 ? [{ kind: 'NORMAL', minutes: totals.normal, hourCode: 'U100', percentage: 100 }] : []),
    ],
    schedule: { id: schedule.id, name: schedule.name, versions },
    workedMinutes: worked,
  };
  return { days, breakdown, worked };
}

async function insertWeek(sql: Client, agencyId: string, week: IsoWeek, workers: readonly Worker[], schedule: ScheduleRef): Promise<void> {
  const rnd = random(week.mondayEpoch);
  const work = workers.map(() => weekOfWork(week, schedule, rnd));
  const monday = week.monday.toString();
  const workerApprovedAt = new Date(`${week.sunday.toString()}T17:00:00Z`);
  const relationApprovedAt = new Date(`${week.monday.plusDays(9).toString()}T09:30:00Z`);
  const createdAt = new Date(`${monday}T07:00:00Z`);
  const timesheetIds = workers.map(() => randomUUID());
  const declarationIds = workers.map(() => randomUUID());
  const columns = [
    timesheetIds, workers.map((w) => w.placementId), workers.map((w) => w.flexworkerId), workers.map((w) => w.relationId),
    work.map((w) => JSON.stringify(w.days)), workers.map((w) => w.userId), workers.map((w) => w.contactId), declarationIds,
    work.map((w) => JSON.stringify(w.breakdown)), work.map((w) => w.worked),
  ];
  // The rows of both statements: the same arrays, after the statement's own first parameters.
  const rows = (after: number) =>
    `unnest(${['uuid', 'uuid', 'uuid', 'uuid', 'text', 'uuid', 'uuid', 'uuid', 'text', 'int'].map((type, i) => `$${after + i + 1}::${type}[]`).join(', ')})
     AS x(id, placement_id, flexworker_id, relation_id, days, worker_by, relation_by, declaration_id, breakdown, worked)`;
  await sql.query('BEGIN');
  try {
    await sql.query(
      `INSERT INTO timesheets (id, agency_id, placement_id, flexworker_id, relation_id, week, week_start, status, days, worker_approved_at, worker_approved_by,
         relation_approved_at, relation_approved_by, current_declaration_id, declaration_count, version, created_at, updated_at)
       SELECT x.id, $1, x.placement_id, x.flexworker_id, x.relation_id, $2, $3::date, 'APPROVED', x.days::jsonb, $4, x.worker_by,
              $5, x.relation_by, x.declaration_id, 1, 3, $6, $5
       FROM ${rows(6)}`,
      [agencyId, week.toString(), monday, workerApprovedAt, relationApprovedAt, createdAt, ...columns],
    );
    await sql.query(
      `INSERT INTO declarations (id, agency_id, timesheet_id, placement_id, flexworker_id, relation_id, week, week_start, number, origin, status,
         days, breakdown, worked_minutes, worker_approved_at, worker_approved_by, relation_approved_at, relation_approved_by, created_at)
       SELECT x.declaration_id, $1, x.id, x.placement_id, x.flexworker_id, x.relation_id, $2, $3::date, 1, 'WORKER', 'APPROVED',
              x.days::jsonb, x.breakdown::jsonb, x.worked, $4, x.worker_by, $5, x.relation_by, $4
       FROM ${rows(5)}`,
      [agencyId, week.toString(), monday, workerApprovedAt, relationApprovedAt, ...columns],
    );
    await sql.query('COMMIT');
  } catch (error) {
    await sql.query('ROLLBACK');
    throw error;
  }
}
