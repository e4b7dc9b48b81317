import { EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { ConflictError } from '../../domain/shared/domain-error';
import { DatabaseContext } from './database-context';
import { RawRows } from './raw-rows';
import { isUuid } from './organisation/keyset-cursor';

/** A row that belongs to one agency and is updated optimistically by its version. */
export interface AgencyScopedRow extends ObjectLiteral {
  id: string;
  agencyId: string;
  version: number;
}

export function stale(entity: string): ConflictError {
  return new ConflictError('STALE_VERSION', `This ${entity} was changed by someone else in the meantime`, { entity });
}

/**
 * The reads and writes every agency-scoped table shares: by id and by ids within one agency
 * (an id of another agency, or not a UUID, is simply not there), insert, and the optimistic
 * update `UPDATE … WHERE id AND agency_id AND version` whose row count is checked.
 */
export class AgencyScopedRows<Row extends AgencyScopedRow> {
  /** The reads by id in SQL made once (every DataLoader of every request comes through here). */
  private readonly raw: RawRows<Row>;

  constructor(
    private readonly db: DatabaseContext,
    private readonly entity: EntityTarget<Row>,
    /** For messages: "This relation was changed by someone else". */
    private readonly label: string,
  ) {
    this.raw = new RawRows(db.dataSource, entity, 't');
  }

  repo(): Repository<Row> {
    return this.db.manager().getRepository(this.entity);
  }

  async findOne(agencyId: string, id: string): Promise<Row | null> {
    if (!isUuid(agencyId) || !isUuid(id)) return null;
    const rows = await this.query('t.agency_id = $1 AND t.id = $2', [agencyId, id]);
    return rows[0] ?? null;
  }

  async findMany(agencyId: string, ids: readonly string[]): Promise<Row[]> {
    const wanted = [...new Set(ids.filter(isUuid))];
    if (!isUuid(agencyId) || wanted.length === 0) return [];
    return this.query('t.agency_id = $1 AND t.id = ANY($2)', [agencyId, wanted]);
  }

  private async query(where: string, parameters: unknown[]): Promise<Row[]> {
    return this.raw.all(this.db.manager(), `SELECT ${this.raw.select} FROM ${this.raw.from} WHERE ${where}`, parameters);
  }

  async insert(row: Row): Promise<void> {
    await this.repo().insert(row);
  }

  /** Stores every column but the keys; returns the new version, or STALE_VERSION. */
  async updateVersioned(row: Row): Promise<number> {
    const { id, agencyId, version, createdAt: _c, updatedAt: _u, ...fields } = row;
    const result = await this.repo()
      .createQueryBuilder()
      .update()
      .set({ ...fields, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id AND agency_id = :agencyId AND version = :version', { id, agencyId, version })
      .execute();
    if (result.affected !== 1) throw stale(this.label);
    return version + 1;
  }
}
