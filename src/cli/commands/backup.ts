import { Command } from 'commander';
import { AuditTrail } from '../../server/modules/audit-trail/index.js';
import { BackupEngine } from '../../server/modules/backup/index.js';
import { loadOrCreateKeys } from '../../server/platform/crypto/key-file.js';
import { systemClock } from '../../server/platform/clock.js';
import { VERSION } from '../../server/version.js';
import { printJson } from '../io.js';
import { renderPermissionsDoc } from '../permissions-doc.js';
import { progressReporter } from '../progress.js';
import path from 'node:path';

import { passphraseFrom, passphraseOption, configFrom, withDb, withRuntime, type DbOptions } from '../common.js';

/** backup, restore, permissions. */
export function registerBackupCommands(program: Command): void {
  withDb(program.command('backup'))
    .description(
      'Take an encrypted, consistent online backup (the server may keep running); or, with --verify, run the restore drill on a backup.',
    )
    .option('--out <file>', 'backup file (default: <data-dir>/backups/gardien-<date>.gbk)')
    .option(
      '--verify <file>',
      'restore drill: restore FILE into a temporary database, check it, report, and delete the copy',
    )
    .addOption(passphraseOption())
    .action(async (opts: DbOptions & { out?: string; verify?: string; passphraseEnv?: string }) => {
      const key = passphraseFrom(opts.passphraseEnv);
      await withRuntime(opts, async (rt) => {
        const progress = progressReporter(opts.verify ? 'Vérification' : 'Sauvegarde');
        try {
          if (opts.verify) {
            const r = await rt.services.backupEngine.drill(path.resolve(opts.verify), key, progress.update);
            progress.stop();
            printJson(r);
          } else {
            const file = path.resolve(
              opts.out ??
                path.join(
                  rt.config.dataDir,
                  'backups',
                  `gardien-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}.gbk`,
                ),
            );
            const r = await rt.services.backupEngine.createBackup(file, key, progress.update);
            progress.stop();
            printJson(r);
          }
        } finally {
          progress.stop();
        }
      });
    });

  withDb(program.command('restore'))
    .description(
      'Restore a backup into the configured database. The whole backup is checked first (key, every byte, table hashes); nothing is replaced unless it passes. Stop the server first.',
    )
    .argument('<file>', 'backup file')
    .option(
      '--force',
      'SQLite: replace the existing database file (it is kept beside as gardien.db.before-restore-<date>)',
    )
    .addOption(passphraseOption())
    .action(async (file: string, opts: DbOptions & { force?: boolean; passphraseEnv?: string }) => {
      const key = passphraseFrom(opts.passphraseEnv);
      const config = configFrom(opts);
      // The restore builds the database itself: only the keys (to open the backup) and the verifier are needed here.
      const keys = loadOrCreateKeys(config.dataDir);
      const backup = new BackupEngine({
        target: config.database,
        dialect: config.database.kind,
        keys,
        clock: systemClock,
        auditTrail: new AuditTrail({ keys, clock: systemClock, checkpointEvery: config.auditCheckpointEvery }),
        version: VERSION,
      });
      const progress = progressReporter('Restauration');
      try {
        const r = await backup.restore(path.resolve(file), config.database, key, progress.update, {
          replaceSqlite: opts.force === true,
        });
        progress.stop();
        printJson(r);
      } finally {
        progress.stop();
      }
    });

  program
    .command('permissions')
    .description('Print the role → permission table as Markdown (docs/permissions.md is generated from it).')
    .action(() => {
      process.stdout.write(renderPermissionsDoc());
    });
}
