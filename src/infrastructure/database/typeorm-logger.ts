import { Logger as TypeormLoggerInterface, QueryRunner } from 'typeorm';
import { Logger } from '../../application/ports/logger';

/**
 * TypeORM's own loggers print query parameters (names, e-mail addresses, ciphertexts) when a
 * query fails. This one logs the SQL text and the error only: personal data stays out of logs.
 */
export class ParameterFreeTypeormLogger implements TypeormLoggerInterface {
  constructor(
    private readonly logger: Logger | undefined,
    private readonly logQueries: boolean,
    private readonly onStatement?: () => void,
  ) {}

  logQuery(query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    this.onStatement?.();
    if (this.logQueries) this.logger?.info({ query }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    const code = typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : undefined;
    this.logger?.warn({ query, code, error: message }, 'sql failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ query, ms: time }, 'slow sql');
  }

  logSchemaBuild(message: string): void {
    if (this.logQueries) this.logger?.info({ message }, 'schema');
  }

  logMigration(message: string): void {
    this.logger?.info({ message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger?.warn({ message: String(message) }, 'typeorm');
  }
}
