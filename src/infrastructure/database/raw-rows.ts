import { DataSource, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/**
 * An entity's columns for hand-written SQL on a hot path (issue 14: TypeORM's query builder
 * rebuilt and re-escaped the same SELECT on every request, a tenth of a week's CPU): the select
 * list is made once, and rows are hydrated column by column with TypeORM's own conversion
 * (`prepareHydratedValue`), so that an entity comes out exactly as the query builder makes it.
 */
export class RawRows<T extends ObjectLiteral> {
  private made?: {
    readonly metadata: EntityMetadata;
    readonly select: string;
    readonly from: string;
    readonly columns: readonly (readonly [string, ColumnMetadata])[];
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
    /** The table's alias in the SQL; each column is selected as `<alias>_<column>`. */
    readonly alias: string,
  ) {}

  /** `"t"."id" AS "t_id", …`: every column of the entity. */
  get select(): string {
    return this.parts().select;
  }

  /** The select list with the expressions of some columns (by database name) replaced; each still comes out as `<alias>_<column>`. */
  selectWith(expressions: Readonly<Record<string, string>>): string {
    return selectList(this.alias, this.parts().columns, expressions);
  }

  /** The entities of the rows `sql` finds (it selects this select list, or one of `selectWith`), run by `manager`. */
  async all(manager: EntityManager, sql: string, parameters: readonly unknown[]): Promise<T[]> {
    const raw = (await manager.query(sql, [...parameters])) as Record<string, unknown>[];
    return raw.map((r) => this.hydrate(r)).filter((row): row is T => row !== null);
  }

  /** `"<table>" "<alias>"`: the entity's table under the alias. */
  get from(): string {
    return this.parts().from;
  }

  /**
   * The entities a query builder's query finds: the builder makes its WHERE, ORDER BY and LIMIT
   * (with only the id selected, which it builds cheaply), and the columns are this select list,
   * hydrated here. The builder's alias must be this one's; `manager` runs it (the transaction's
   * inside one, as the builder would).
   */
  async many(query: SelectQueryBuilder<T>, manager: EntityManager): Promise<T[]> {
    const [sql, parameters] = query.select(`${this.alias}.id`).getQueryAndParameters();
    const head = `SELECT "${this.alias}"."id" AS "${this.alias}_id" FROM `;
    if (!sql.startsWith(head)) throw new Error(`RawRows.many: the query does not start as expected: ${sql.slice(0, 80)}`);
    return this.all(manager, `SELECT ${this.select} FROM ${sql.slice(head.length)}`, parameters);
  }

  /** The entity of a row, or null where the row has none (every column null: a LEFT JOIN that found nothing). */
  hydrate(raw: Record<string, unknown>): T | null {
    const { metadata, columns } = this.parts();
    const driver = this.dataSource.driver;
    const entity = metadata.create() as T;
    let found = false;
    for (const [key, column] of columns) {
      const value = raw[key];
      if (value === undefined) continue;
      if (value !== null) found = true;
      column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
    }
    return found ? entity : null;
  }

  private parts() {
    if (!this.made) {
      const metadata = this.dataSource.getMetadata(this.entity);
      const columns = metadata.columns.map((c) => [`${this.alias}_${c.databaseName}`, c] as const);
      this.made = { metadata, columns, select: selectList(this.alias, columns, {}), from: `${quoted(metadata.tablePath)} ${quoted(this.alias)}` };
    }
    return this.made;
  }
}

/** An SQL identifier in double quotes. */
function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function selectList(alias: string, columns: readonly (readonly [string, ColumnMetadata])[], expressions: Readonly<Record<string, string>>): string {
  return columns.map(([key, c]) => `${expressions[c.databaseName] ?? `${quoted(alias)}.${quoted(c.databaseName)}`} AS ${quoted(key)}`).join(', ');
}
