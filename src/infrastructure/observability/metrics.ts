import { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The pool figures a `pg` Pool exposes. */
export interface PoolFigures {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

export interface MetricSources {
  readonly pool?: () => PoolFigures | undefined;
  readonly authCache?: () => { hits: number; misses: number; size: number };
}

/** Operation names become labels: only names a client could sensibly send, and not too many of them. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_NAMES = 200;

/**
 * The process's figures in Prometheus's text format (issue 14): GraphQL requests and their
 * latency per operation name, SQL statements sent, the database pool, the authentication
 * cache, and prom-client's process figures (CPU, memory, event-loop delay, handles).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly statements: Counter;
  private readonly requests: Histogram<'operation' | 'outcome'>;
  private readonly names = new Set<string>();
  private sources: MetricSources = {};

  constructor() {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    this.statements = new Counter({ name: 'flexportal_db_statements_total', help: 'SQL statements sent by the application (transactions\' BEGIN and COMMIT included).', registers: [this.registry] });
    this.requests = new Histogram({
      name: 'flexportal_graphql_request_duration_seconds',
      help: 'GraphQL requests by operation name and outcome (ok: no errors; error: at least one), from parsing to the answer.',
      labelNames: ['operation', 'outcome'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    // 1 in each process: summed over a cluster's workers, how many answered.
    new Gauge({ name: 'flexportal_server_processes', help: 'Server processes whose figures these are.', registers: [this.registry] }).set(1);
    const sources = () => this.sources;
    {
      new Gauge({
        name: 'flexportal_db_pool_connections',
        help: 'The database pool: connections open (total), idle, and requests waiting for one.',
        labelNames: ['state'],
        registers: [this.registry],
        collect() {
          const figures = sources().pool?.();
          if (!figures) return;
          this.set({ state: 'total' }, figures.totalCount);
          this.set({ state: 'idle' }, figures.idleCount);
          this.set({ state: 'waiting' }, figures.waitingCount);
        },
      });
    }
    {
      new Gauge({
        name: 'flexportal_auth_cache',
        help: 'The authentication cache: hits and misses since start, and tokens kept now.',
        labelNames: ['figure'],
        registers: [this.registry],
        collect() {
          const figures = sources().authCache?.();
          if (!figures) return;
          this.set({ figure: 'hits' }, figures.hits);
          this.set({ figure: 'misses' }, figures.misses);
          this.set({ figure: 'size' }, figures.size);
        },
      });
    }
  }

  /** Where the pool and cache figures come from, once those exist. */
  attach(sources: MetricSources): void {
    this.sources = { ...this.sources, ...sources };
  }

  statementSent(): void {
    this.statements.inc();
  }

  /** Times each GraphQL request by its operation name (`anonymous` without one, `other` past the bound). */
  apolloPlugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => {
        const end = this.requests.startTimer();
        return {
          willSendResponse: async ({ request, operationName, errors, response }) => {
            const body = response.body;
            const failed = (errors?.length ?? 0) > 0 || (body.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0);
            end({ operation: this.operationLabel(operationName ?? request.operationName), outcome: failed ? 'error' : 'ok' });
          },
        };
      },
    };
  }

  async text(): Promise<string> {
    return this.registry.metrics();
  }

  private operationLabel(name: string | undefined | null): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return 'other';
    this.names.add(name);
    return name;
  }
}
