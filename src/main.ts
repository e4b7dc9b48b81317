import 'reflect-metadata';
import { RunningApp, seedDemoData, startApp } from './composition-root';
import { Logger } from './application/ports/logger';
import { Config, ConfigError, loadConfig } from './infrastructure/config/config';
import { checkDemoLogin } from './infrastructure/demo/demo-login-check';
import { DEMO_LOGINS } from './infrastructure/demo/demo-seed';
import { createLogger } from './infrastructure/logging/pino-logger';

/**
 * `npm start`: migrate, seed the demo agency once (embedded database by default), and serve. It
 * says it is ready (the `ready` log line, then the URL and the demo logins) only once the demo
 * data is there and a demo login works over HTTP: a client that starts on that line finds it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await startApp({ config, logger });
  stopOnSignals(app, logger);
  if (config.seedDemo) {
    const created = await seedDemoData(app.services);
    logger.info({ created }, created ? 'demo data created' : 'demo data already present');
    await checkDemoLogin(app.url);
  }
  logger.info({ url: app.url, database: app.database.kind, demo: config.seedDemo }, 'ready');
  printWelcome(app, config);
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

function printWelcome(app: RunningApp, config: Config): void {
  const where = app.database.kind === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL';
  console.log(`\nFlexportal GraphQL API: ${app.url}  (database: ${where}) ready`);
  if (!config.seedDemo) return;
  console.log(`Demo logins (password for all: ${DEMO_LOGINS.password}):`);
  for (const login of DEMO_LOGINS.users) console.log(`  ${login.role.padEnd(17)} ${login.email}`);
  console.log(
    `Try:\n  curl -s ${app.url} -H 'content-type: application/json' \\\n` +
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
