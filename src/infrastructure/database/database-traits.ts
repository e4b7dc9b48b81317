import { DataSource } from 'typeorm';

/** What the adapters need to know about the PostgreSQL they talk to. */
export interface DatabaseTraits {
  /**
   * The embedded PostgreSQL (PGlite behind its socket, also when reached through a DATABASE_URL,
   * as the tests do) runs one transaction at a time: a transaction held open for long, such as a
   * cursor's, stops every other connection until it ends.
   */
  readonly oneTransactionAtATime: boolean;
}

export async function databaseTraits(dataSource: DataSource): Promise<DatabaseTraits> {
  const [row] = (await dataSource.query('SELECT version() AS version')) as { version: string }[];
  return { oneTransactionAtATime: /\bPGlite\b/.test(row.version) };
}
