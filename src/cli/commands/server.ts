import { Command, Option } from 'commander';
import { startServer } from '../../server/main.js';
import { VERSION } from '../../server/version.js';
import { printJson } from '../io.js';

import { configFrom, withDb, withRuntime, type DbOptions } from '../common.js';

/** serve, migrate. */
export function registerServerCommands(program: Command): void {
  withDb(program.command('serve'))
    .description('Start the web server (what `npm start` runs).')
    .addOption(new Option('--port <port>', 'TCP port').env('GARDIEN_PORT'))
    .addOption(new Option('--host <host>', 'address to listen on').env('GARDIEN_HOST'))
    .action(async (opts: DbOptions & { port?: string; host?: string }) => {
      const config = configFrom(opts, { GARDIEN_PORT: opts.port, GARDIEN_HOST: opts.host });
      const server = await startServer(config);
      process.stderr.write(
        `Gardien ${VERSION} écoute sur ${server.url} (${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL'})\n`,
      );
      const shutdown = () => {
        void server.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await new Promise(() => undefined);
    });

  withDb(program.command('migrate'))
    .description('Bring the database schema up to date (the server also does it at start).')
    .action(async (opts: DbOptions) => {
      await withRuntime(opts, async () => printJson({ migrated: true }));
    });
}
