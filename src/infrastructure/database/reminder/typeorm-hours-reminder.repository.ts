import {
  HoursReminderRecord,
  HoursReminderRepository,
  ReminderLogin,
  ReminderPlacement,
} from '../../../application/ports/hours-reminder.repository';
import { Agency } from '../../../domain/agency/agency.entity';
import { HOURS_ENTERERS } from '../../../domain/placement/placement.entity';
import { IsoWeek } from '../../../domain/time/iso-week.value-object';
import { LocalDate } from '../../../domain/time/local-date.value-object';
import { DatabaseContext } from '../database-context';
import { agencyToDomain } from '../organisation/agency.mapper';
import { AgencyOrmEntity } from '../organisation/agency.orm-entity';
import { isUuid } from '../organisation/keyset-cursor';

interface PlacementRow {
  id: string;
  flexworker_id: string;
  relation_id: string;
  start_date: string;
  end_date: string | null;
  hours_entered_by: string;
  relation_name: string;
  worker_name: string;
}

interface LoginRow {
  id: string;
  email: string;
  name: string;
  language: string;
  owner_id: string;
}

/** The reminders' reads in SQL, and `hours_reminders` (migration 1764201200000) as their record. */
export class TypeormHoursReminderRepository extends HoursReminderRepository {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  async agenciesWithReminders(agencyIds?: readonly string[]): Promise<Agency[]> {
    const query = this.db.manager().getRepository(AgencyOrmEntity).createQueryBuilder('agency').where('cardinality(agency.reminder_moments) > 0');
    if (agencyIds) query.andWhere('agency.id = ANY(:agencyIds::uuid[])', { agencyIds: agencyIds.filter(isUuid) });
    const rows = await query.orderBy('agency.id').getMany();
    return rows.map(agencyToDomain);
  }

  async placementsToRemind(agencyId: string, from: LocalDate, upTo: LocalDate): Promise<ReminderPlacement[]> {
    const rows: PlacementRow[] = await this.db.manager().query(
      `SELECT p.id, p.flexworker_id, p.relation_id, p.start_date::text AS start_date, p.end_date::text AS end_date, p.hours_entered_by,
              r.name AS relation_name, f.first_name || ' ' || f.last_name AS worker_name
         FROM placements p
         JOIN relations r ON r.agency_id = p.agency_id AND r.id = p.relation_id
         JOIN flexworkers f ON f.agency_id = p.agency_id AND f.id = p.flexworker_id
        WHERE p.agency_id = $1 AND (p.send_reminders OR p.hours_entered_by = 'RELATION') AND p.start_date <= $3 AND (p.end_date IS NULL OR p.end_date >= $2)
        ORDER BY p.id`,
      [agencyId, from.toString(), upTo.toString()],
    );
    return rows.map((row) => ({
      id: row.id,
      flexworkerId: row.flexworker_id,
      relationId: row.relation_id,
      startDate: LocalDate.parse(row.start_date),
      endDate: row.end_date === null ? null : LocalDate.parse(row.end_date),
      hoursEnteredBy: HOURS_ENTERERS.find((e) => e === row.hours_entered_by) ?? 'FLEXWORKER',
      relationName: row.relation_name,
      workerName: row.worker_name,
    }));
  }

  async weeksApprovedByWorker(agencyId: string, placementIds: readonly string[], from: IsoWeek, upTo: IsoWeek): Promise<Set<string>> {
    if (placementIds.length === 0) return new Set();
    const rows: { placement_id: string; week: string }[] = await this.db.manager().query(
      `SELECT placement_id, week FROM timesheets
        WHERE agency_id = $1 AND placement_id = ANY($2::uuid[]) AND week_start BETWEEN $3 AND $4 AND status <> 'OPEN'`,
      [agencyId, placementIds, from.monday.toString(), upTo.monday.toString()],
    );
    return new Set(rows.map((row) => `${row.placement_id}/${row.week}`));
  }

  async workerLogins(agencyId: string, flexworkerIds: readonly string[]): Promise<Map<string, ReminderLogin>> {
    if (flexworkerIds.length === 0) return new Map();
    const rows: LoginRow[] = await this.db.manager().query(
      `SELECT u.id, u.email, f.first_name || ' ' || f.last_name AS name, f.language, u.flexworker_id AS owner_id
         FROM users u JOIN flexworkers f ON f.agency_id = u.agency_id AND f.id = u.flexworker_id
        WHERE u.agency_id = $1 AND u.role = 'FLEXWORKER' AND u.active AND u.password_hash IS NOT NULL AND u.flexworker_id = ANY($2::uuid[])`,
      [agencyId, flexworkerIds],
    );
    return new Map(rows.map((row) => [row.owner_id, loginOf(row)]));
  }

  async contactLogins(agencyId: string, relationIds: readonly string[]): Promise<Map<string, ReminderLogin[]>> {
    const result = new Map<string, ReminderLogin[]>();
    if (relationIds.length === 0) return result;
    const rows: LoginRow[] = await this.db.manager().query(
      `SELECT id, email, display_name AS name, language, relation_id AS owner_id FROM users
        WHERE agency_id = $1 AND role = 'RELATION_CONTACT' AND active AND password_hash IS NOT NULL AND relation_id = ANY($2::uuid[])
        ORDER BY email`,
      [agencyId, relationIds],
    );
    for (const row of rows) result.set(row.owner_id, [...(result.get(row.owner_id) ?? []), loginOf(row)]);
    return result;
  }

  async record(reminder: HoursReminderRecord): Promise<boolean> {
    if (!this.db.inTransaction()) throw new Error('a reminder is recorded inside the unit of work that enqueues its mail');
    const rows: unknown[] = await this.db.manager().query(
      `INSERT INTO hours_reminders (agency_id, user_id, slot_at, weeks, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, slot_at) DO NOTHING RETURNING user_id`,
      [reminder.agencyId, reminder.userId, reminder.slotAt, reminder.weeks.map((w) => w.toString()), reminder.now],
    );
    return rows.length === 1;
  }
}

function loginOf(row: LoginRow): ReminderLogin {
  return { userId: row.id, email: row.email, name: row.name, language: row.language };
}
