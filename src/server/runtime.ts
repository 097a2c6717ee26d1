import { loadConfig, type Config } from './config.js';
import { systemClock, type Clock } from './platform/clock.js';
import { loadOrCreateKeys } from './platform/crypto/key-file.js';
import { openDatabase, type OpenDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrations/index.js';
import { createServices, type Services } from './services.js';

export interface Runtime {
  config: Config;
  database: OpenDatabase;
  services: Services;
  close(): Promise<void>;
}

/** config → keys → database → migrations → services: what the server and every CLI command start from. */
export async function openRuntime(config: Config = loadConfig(), clock: Clock = systemClock): Promise<Runtime> {
  const keys = loadOrCreateKeys(config.dataDir);
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db, database.dialect);
  } catch (e) {
    await database.close();
    throw e;
  }
  const services = createServices(database.db, database.dialect, keys, clock, {
    sessionAbsoluteMs: config.sessionAbsoluteMs,
    loginIpLimitPer15Min: config.loginIpLimitPer15Min,
    auditCheckpointEvery: config.auditCheckpointEvery,
    target: config.database,
  });
  const close = async () => {
    await services.close();
    await database.close();
  };
  return { config, database, services, close };
}
