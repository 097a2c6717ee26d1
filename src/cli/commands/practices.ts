import { Command } from 'commander';
import { cliActor } from '../../server/shared/actor.js';
import { CliError, EXIT, printJson } from '../io.js';
import { progressReporter } from '../progress.js';
import fs from 'node:fs';
import path from 'node:path';

import { createPracticeWithOwner, nameOption, withDb, withRuntime, type DbOptions } from '../common.js';

/** init, practice, patients: the practices and their patient index. */
export function registerPracticeCommands(program: Command): void {
  withDb(program.command('init'))
    .description(
      'Create the database, the first practice and its owner (the controller). Prints {"practiceId","userId"}.',
    )
    .requiredOption('--practice <name>', 'name of the practice')
    .requiredOption('--owner-email <email>', 'e-mail of the owner (the practitioner who is the controller)')
    .requiredOption('--owner-name <name>', 'full name of the owner')
    .addHelpText('after', '\nThe password comes from GARDIEN_PASSWORD, or is asked for on the terminal.')
    .action(async (opts: DbOptions & { practice: string; ownerEmail: string; ownerName: string }) => {
      await withRuntime(opts, async (rt) => {
        const existing = await rt.services.db.selectFrom('practices').select('id').limit(1).execute();
        if (existing.length > 0)
          throw new CliError(
            'This installation is already initialised; use `gardien practice add` to add another practice.',
          );
        await createPracticeWithOwner(rt, nameOption(opts.practice, '--practice'), opts.ownerEmail, opts.ownerName);
      });
    });

  const practice = program.command('practice').description('Practices (tenants)');
  withDb(practice.command('add'))
    .description(
      'Add a practice with its owner (an existing account simply becomes owner there). Prints {"practiceId","userId"}.',
    )
    .requiredOption('--name <name>', 'name of the practice')
    .requiredOption('--owner-email <email>', 'e-mail of the owner')
    .requiredOption('--owner-name <name>', 'full name of the owner')
    .addHelpText('after', '\nFor a new owner account, the password comes from GARDIEN_PASSWORD (or the terminal).')
    .action(async (opts: DbOptions & { name: string; ownerEmail: string; ownerName: string }) => {
      await withRuntime(opts, (rt) =>
        createPracticeWithOwner(rt, nameOption(opts.name, '--name'), opts.ownerEmail, opts.ownerName),
      );
    });

  const patients = program.command('patients').description('The patient index');
  withDb(patients.command('import'))
    .description(
      'Import patients from the practice software’s CSV export. Without --commit: check every line and report, write nothing. With --commit: write every valid line in one transaction (all or nothing); known software ids are updated. Prints the report as JSON.',
    )
    .argument('<file>', 'CSV file (UTF-8; ";", "," or tab)')
    .requiredOption('--practice <id>', 'practice id')
    .option(
      '--map <field=column...>',
      'column of each field, e.g. lastName=NOM birthDate="DATE NAISSANCE" (default: guessed from the headers)',
    )
    .option('--commit', 'write the valid lines (default: a dry run)')
    .action(async (file: string, opts: DbOptions & { practice: string; map?: string[]; commit?: boolean }) => {
      const text = await fs.promises.readFile(path.resolve(file), 'utf8');
      const mapping = opts.map
        ? Object.fromEntries(
            opts.map.map((m) => {
              const i = m.indexOf('=');
              if (i < 1) throw new CliError(`--map ${m}: expected field=column`);
              return [m.slice(0, i), m.slice(i + 1)];
            }),
          )
        : undefined;
      await withRuntime(opts, async (rt) => {
        const progress = progressReporter('Import');
        try {
          const r = await rt.services.patients.importCsv(
            cliActor(),
            opts.practice,
            { csv: text, mapping, dryRun: !opts.commit },
            progress.update,
          );
          progress.stop();
          printJson({ ...r, rejectedCount: r.rejected.length, rejected: r.rejected.slice(0, 1000) });
          if (r.rejected.length) process.exitCode = EXIT.CHECK_FAILED; // some lines were refused: the report says which
        } finally {
          progress.stop();
        }
      });
    });
}
