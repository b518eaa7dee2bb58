import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config.js';
import { startApp } from './bootstrap.js';
import { MigrationMismatchError } from './db/migrator.js';
import { DEMO_ACCOUNTS } from './modules/demo/index.js';
import { DataDirInUseError, DataDirLock } from './startup/data-dir-lock.js';
import { ensurePortIsFree, portProblem, PortUnavailableError } from './startup/port-check.js';
import { networkUrls, startSummary } from './startup/start-summary.js';

try {
  const config = loadConfig();
  await ensurePortIsFree(config.host, config.port);
  const isEmbedded = !config.databaseUrl && config.pgliteDir !== 'memory://';
  const dataDir = isEmbedded ? resolve(config.dataDir) : undefined;
  if (dataDir) {
    await DataDirLock.acquire(dataDir, {
      pid: process.pid,
      url: config.publicUrl,
      startedAt: new Date().toISOString(),
    });
  }
  const { port } = await startApp(config).catch((error: unknown) => {
    throw portProblem(error, config.host, config.port) ?? error;
  });
  const url = config.port === 0 ? `http://localhost:${port}` : config.publicUrl;
  // Other addresses of this server, unless users reach it through another one (a proxy, Vite).
  const isServedDirectly = new URL(url).port === String(port);
  if (config.logFormat === 'pretty') {
    process.stdout.write(
      startSummary({
        url,
        networkUrls: isServedDirectly ? networkUrls(config.host, port) : [],
        dataDir,
        demoAccounts: config.isDemoMode ? DEMO_ACCOUNTS : undefined,
      }),
    );
  } else {
    new Logger('Main').log(
      `Consultation Workspace listening on ${config.host}:${port}, open ${url} (${dataDir ? `embedded PGlite in ${dataDir}` : 'Postgres'}${config.isDemoMode ? ', demo mode' : ''})`,
    );
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  if (
    error instanceof PortUnavailableError ||
    error instanceof DataDirInUseError ||
    error instanceof MigrationMismatchError
  ) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
