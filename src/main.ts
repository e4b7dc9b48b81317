import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { RunningApp, seedDemoData, startApp } from './composition-root';
import { Logger } from './application/ports/logger';
import { Config, ConfigError, loadConfig } from './infrastructure/config/config';
import { checkDemoLogin } from './infrastructure/demo/demo-login-check';
import { DEMO_LOGINS } from './infrastructure/demo/demo-seed';
import { createLogger } from './infrastructure/logging/pino-logger';
import { clusterMetricsText, isClusterWorker, isFirstWorker, reportReady, runPrimary, shareMetricsWithPrimary } from './infrastructure/cluster/server-cluster';

/**
 * `npm start`: migrate, seed the demo agency once (embedded database by default), and serve. It
 * says it is ready (the `ready` log line, then the URL and the demo logins) only once the demo
 * data is there and a demo login works over HTTP: a client that starts on that line finds it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.webConcurrency > 1) {
    await (isClusterWorker() ? runWorker(config, logger) : runCluster(config, logger));
    return;
  }
  const app = await startApp({ config, logger });
  stopOnSignals(app, logger);
  if (config.seedDemo) {
    const created = await seedDemoData(app.services);
    logger.info({ created }, created ? 'demo data created' : 'demo data already present');
    await checkDemoLogin(app.url);
  }
  logger.info({ url: app.url, database: app.database.kind, demo: config.seedDemo }, 'ready');
  printWelcome(app.url, app.database.kind, config);
}

/** WEB_CONCURRENCY > 1, the primary: starts the workers, prints the welcome once all listen. */
async function runCluster(config: Config, logger: Logger): Promise<void> {
  await runPrimary({
    workers: config.webConcurrency,
    logger,
    stopTimeoutMs: config.shutdownTimeoutMs + 2_000,
    onReady: async (url) => {
      if (config.seedDemo) await checkDemoLogin(url);
      logger.info({ url, database: 'external', demo: config.seedDemo, workers: config.webConcurrency }, 'ready');
      printWelcome(url, 'external', config);
    },
  });
}

/** A worker: one server process; the first one seeds the demo. */
async function runWorker(config: Config, logger: Logger): Promise<void> {
  const first = isFirstWorker();
  shareMetricsWithPrimary();
  const app = await startApp({ config, logger, metricsText: clusterMetricsText });
  shareMetricsWithPrimary(app.metrics);
  stopOnSignals(app, logger);
  if (first && config.seedDemo) {
    const created = await seedDemoData(app.services);
    logger.info({ created }, created ? 'demo data created' : 'demo data already present');
  }
  reportReady(app.url);
}

/** SIGTERM/SIGINT: drain HTTP, stop Apollo, close the database (bounded), then exit. */
function stopOnSignals(app: RunningApp, logger: Logger): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.stop();
    logger.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

function printWelcome(url: string, database: 'embedded' | 'external', config: Config): void {
  const where = database === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL';
  const processes = config.webConcurrency > 1 ? `, ${config.webConcurrency} server processes` : '';
  console.log(`\nFlexportal GraphQL API: ${url}  (database: ${where}${processes}) ready`);
  const portal = url.replace(/\/graphql$/, '/');
  if (config.portalDir && existsSync(path.join(config.portalDir, 'index.html'))) console.log(`Flexportal web portal: ${portal}  (log in with a demo login below)`);
  else if (config.portalDir) console.log(`The web portal is not built (${config.portalDir}): npm run build:web, then restart; the API works without it`);
  if (!config.seedDemo) return;
  console.log(`Demo logins (password for all: ${DEMO_LOGINS.password}):`);
  for (const login of DEMO_LOGINS.users) console.log(`  ${login.role.padEnd(17)} ${login.email}`);
  console.log(
    `Try:\n  curl -s ${url} -H 'content-type: application/json' \\\n` +
      `    -d '{"query":"mutation { login(input: {email: \\"${DEMO_LOGINS.users[0].email}\\", password: \\"${DEMO_LOGINS.password}\\"}) { token viewer { displayName role } } }"}'\n`,
  );
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
