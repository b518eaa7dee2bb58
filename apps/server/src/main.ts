import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config.js';
import { startApp } from './bootstrap.js';

try {
  const config = loadConfig();
  const { port } = await startApp(config);
  new Logger('Main').log(
    `Consultation Workspace listening on ${config.host}:${port} (${config.databaseUrl ? 'Postgres' : `embedded PGlite in ${config.pgliteDir}`}${config.isDemoMode ? ', demo mode' : ''})`,
  );
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
