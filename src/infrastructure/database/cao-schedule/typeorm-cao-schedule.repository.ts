import { CaoScheduleRepository } from '../../../application/ports/cao-schedule.repository';
import { emptyPage, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { CaoSchedule } from '../../../domain/cao-schedule/cao-schedule.entity';
import { ConflictError } from '../../../domain/shared/domain-error';
import { CaoUnravelSchedule } from '../../../domain/unravel/cao-unravel-schedule';
import { AgencyScopedRows, stale } from '../agency-scoped-rows';
import { DatabaseContext } from '../database-context';
import { decodeCursor, encodeCursor, isUuid } from '../organisation/keyset-cursor';
import { isUniqueViolation } from '../postgres-errors';
import { caoScheduleToDomain, caoScheduleToRow, caoScheduleVersionRows } from './cao-schedule.mapper';
import { CaoScheduleOrmEntity, CaoScheduleVersionOrmEntity } from './cao-schedule.orm-entity';
import { ParsedScheduleMemo } from './parsed-schedule-memo';

const LIST = 'cao-schedules';
const NAME_CONSTRAINT = 'cao_schedules_agency_name_key';

/**
 * Schedules with their append-only versions. Whatever the number of schedules asked for, a read
 * is one query for the schedules and one for their versions. The engine's parsed form is kept in
 * a small memo by schedule id and stored versions (their number and the latest one's insert
 * time), which name data that never changes.
 */
export class TypeormCaoScheduleRepository extends CaoScheduleRepository {
  private readonly rows: AgencyScopedRows<CaoScheduleOrmEntity>;

  constructor(
    private readonly db: DatabaseContext,
    private readonly memo = new ParsedScheduleMemo(),
  ) {
    super();
    this.rows = new AgencyScopedRows(db, CaoScheduleOrmEntity, 'CAO unravel schedule');
  }

  async findById(agencyId: string, id: string): Promise<CaoSchedule | null> {
    const row = await this.rows.findOne(agencyId, id);
    return row ? (await this.withVersions(agencyId, [row]))[0] : null;
  }

  async findByIds(agencyId: string, ids: readonly string[]): Promise<CaoSchedule[]> {
    return this.withVersions(agencyId, await this.rows.findMany(agencyId, ids));
  }

  async insert(schedule: CaoSchedule): Promise<void> {
    await this.db
      .run(async () => {
        await this.rows.insert(caoScheduleToRow(schedule));
        await this.versionRepo().insert(caoScheduleVersionRows(schedule, 0));
      })
      .catch((error) => Promise.reject(translate(error)));
  }

  async update(schedule: CaoSchedule): Promise<CaoSchedule> {
    const version = await this.db.run(async () => {
      const next = await this.rows.updateVersioned(caoScheduleToRow(schedule));
      const stored = await this.versionRepo().countBy({ scheduleId: schedule.id });
      if (stored > schedule.versions.length) throw stale('CAO unravel schedule');
      if (stored < schedule.versions.length) await this.versionRepo().insert(caoScheduleVersionRows(schedule, stored));
      return next;
    });
    return schedule.withVersion(version);
  }

  async list(agencyId: string, page: PageQuery): Promise<Page<CaoSchedule>> {
    const after = page.after === null ? null : decodeCursor(LIST, page.after, 2);
    if (!isUuid(agencyId)) return emptyPage();
    const query = this.rows
      .repo()
      .createQueryBuilder('s')
      .addSelect('lower(s.name)', 'sort_name')
      .where('s.agency_id = :agencyId', { agencyId });
    if (after) query.andWhere('(lower(s.name), s.id) > (:afterName, :afterId)', { afterName: after[0], afterId: after[1] });
    const { entities, raw } = await query
      .orderBy('lower(s.name)', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(page.first + 1)
      .getRawAndEntities<{ sort_name: string; s_id: string }>();
    const items = entities.slice(0, page.first);
    const cursors = raw.slice(0, items.length).map((r) => encodeCursor(LIST, [r.sort_name, r.s_id]));
    return pageOfItems(await this.withVersions(agencyId, items), cursors, entities.length > page.first);
  }

  private versionRepo() {
    return this.db.manager().getRepository(CaoScheduleVersionOrmEntity);
  }

  /** The schedules of `rows` with their versions, read in one query. */
  private async withVersions(agencyId: string, rows: readonly CaoScheduleOrmEntity[]): Promise<CaoSchedule[]> {
    if (rows.length === 0) return [];
    const versions = await this.versionRepo()
      .createQueryBuilder('v')
      .where('v.agency_id = :agencyId AND v.schedule_id = ANY(:ids)', { agencyId, ids: rows.map((r) => r.id) })
      .orderBy('v.schedule_id', 'ASC')
      .addOrderBy('v.valid_from', 'ASC')
      .getMany();
    const bySchedule = new Map<string, CaoScheduleVersionOrmEntity[]>();
    for (const v of versions) bySchedule.set(v.scheduleId, [...(bySchedule.get(v.scheduleId) ?? []), v]);
    return rows.map((row) => {
      const own = bySchedule.get(row.id) ?? [];
      const parse = () => CaoUnravelSchedule.parse({ name: row.name, source: row.source, versions: own.map((v) => v.data) });
      return caoScheduleToDomain(row, own, () => this.memo.get(memoKey(row.id, own), parse));
    });
  }
}

/**
 * Stored versions are never changed, so a schedule's id and the number of its versions name its
 * data; the latest version's insert time also tells apart a version that was read inside a
 * transaction and then rolled back from the one stored later in its place.
 */
function memoKey(id: string, versions: readonly CaoScheduleVersionOrmEntity[]): string {
  const latest = versions[versions.length - 1];
  return `${id}:${versions.length}:${latest ? new Date(latest.createdAt).getTime() : 0}`;
}

function translate(error: unknown): unknown {
  if (isUniqueViolation(error, NAME_CONSTRAINT)) {
    return new ConflictError('CAO_SCHEDULE_NAME_TAKEN', 'A CAO unravel schedule with this name already exists at this agency', { field: 'name' });
  }
  return error;
}
