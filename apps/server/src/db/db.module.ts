import { Global, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Database } from './database.js';
import { migrate } from './migrator.js';

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}

/** Opens the database once per process and applies pending migrations before anything uses it. */
@Global()
@Module({
  providers: [
    {
      provide: Database,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const database = await Database.open({ url: config.databaseUrl, pgliteDir: config.pgliteDir });
        const applied = await migrate(database.sql);
        if (applied.length > 0) new Logger('Database').log(`Applied migrations ${applied.join(', ')}`);
        return database;
      },
    },
    DatabaseLifecycle,
  ],
  exports: [Database],
})
export class DbModule {}
