import { Command, Option } from 'commander';
import { z } from 'zod';
import { EmailSchema } from '../contracts/common.js';
import { RoleSchema, ROLES } from '../contracts/roles.js';
import { loadConfig, type Config } from '../server/config.js';
import { startServer } from '../server/main.js';
import { AuditTrail, SERVER_CHAIN } from '../server/modules/audit-trail/index.js';
import { BackupEngine } from '../server/modules/backup/index.js';
import { loadOrCreateKeys } from '../server/platform/crypto/key-file.js';
import { systemClock } from '../server/platform/clock.js';
import { openRuntime, type Runtime } from '../server/runtime.js';
import { cliActor } from '../server/shared/actor.js';
import { AppError } from '../server/shared/app-error.js';
import { VERSION } from '../server/version.js';
import { CliError, EXIT, printJson, readPassword, reportError } from './io.js';
import { renderPermissionsDoc } from './permissions-doc.js';
import { progressReporter } from './progress.js';
import fs from 'node:fs';
import path from 'node:path';

interface DbOptions {
  dataDir?: string;
  databaseUrl?: string;
}

const withDb = (cmd: Command): Command =>
  cmd
    .addOption(
      new Option('--data-dir <dir>', 'data directory: key file, and the SQLite database gardien.db').env(
        'GARDIEN_DATA_DIR',
      ),
    )
    .addOption(new Option('--database-url <url>', 'PostgreSQL instead of SQLite (postgres://…)').env('DATABASE_URL'));

function configFrom(opts: DbOptions, extra: Record<string, string | undefined> = {}): Config {
  return loadConfig(process.env, {
    ...(opts.dataDir ? { GARDIEN_DATA_DIR: opts.dataDir } : {}),
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
  });
}

async function withRuntime<T>(opts: DbOptions, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(configFrom(opts));
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** Validates a CLI value with the same schema as the API, so the CLI refuses what the API refuses. */
function parseOption<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new CliError(`${flag}: ${r.error.issues.map((i) => i.message).join('; ')}`);
  return r.data;
}

const nameOption = (v: unknown, flag: string) => parseOption(z.string().trim().min(1).max(200), v, flag);

/** `init` and `practice add`: a practice and its owner; the password is asked only for a new account. */
async function createPracticeWithOwner(
  rt: Runtime,
  name: string,
  ownerEmail: string,
  ownerName: string,
): Promise<void> {
  const email = parseOption(EmailSchema, ownerEmail, '--owner-email');
  const isNew = !(await rt.services.auth.findUserByEmail(email));
  const password = isNew ? await readPassword('Mot de passe du titulaire : ', true) : undefined;
  const r = await rt.services.practices.createPractice(cliActor(), {
    name,
    owner: { email, name: nameOption(ownerName, '--owner-name'), password },
  });
  printJson({ practiceId: r.practiceId, userId: r.userId });
}

/** The account behind `--email`, or a refusal naming the field. */
async function requireUser(rt: Runtime, rawEmail: string) {
  const u = await rt.services.auth.findUserByEmail(parseOption(EmailSchema, rawEmail, '--email'));
  if (!u) throw new AppError('NOT_FOUND', { issues: [{ path: 'email', code: 'unknown_account' }] });
  return u;
}

export function buildCli(): Command {
  const program = new Command('gardien')
    .description('Gardien: GDPR (RGPD) compliance and its proof for dental practices')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();

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

  const user = program.command('user').description('People and their accounts');
  withDb(user.command('add'))
    .description('Give a person a role in a practice, creating their account if needed. Prints {"userId"}.')
    .requiredOption('--practice <id>', 'practice id')
    .requiredOption('--email <email>', 'e-mail of the person')
    .requiredOption('--name <name>', 'full name')
    .addOption(new Option('--role <role>', 'role in the practice').choices([...ROLES]).makeOptionMandatory())
    .addHelpText('after', '\nFor a new account, the password comes from GARDIEN_PASSWORD (or the terminal).')
    .action(async (opts: DbOptions & { practice: string; email: string; name: string; role: string }) => {
      const email = parseOption(EmailSchema, opts.email, '--email');
      const role = parseOption(RoleSchema, opts.role, '--role');
      await withRuntime(opts, async (rt) => {
        const isNew = !(await rt.services.auth.findUserByEmail(email));
        const password = isNew ? await readPassword('Mot de passe : ', true) : undefined;
        const r = await rt.services.team.addMember(cliActor(), opts.practice, {
          email,
          name: nameOption(opts.name, '--name'),
          role,
          initialPassword: password,
        });
        printJson({ userId: r.userId });
      });
    });

  withDb(user.command('disable'))
    .description('Disable an account everywhere (never deleted): every session and API token ends at once.')
    .requiredOption('--email <email>', 'e-mail of the person')
    .action(async (opts: DbOptions & { email: string }) => {
      const email = parseOption(EmailSchema, opts.email, '--email');
      await withRuntime(opts, async (rt) => printJson(await rt.services.team.disableUser(cliActor(), email)));
    });

  withDb(user.command('unlock'))
    .description('Unlock an account locked after repeated failed sign-ins.')
    .requiredOption('--email <email>', 'e-mail of the person')
    .action(async (opts: DbOptions & { email: string }) => {
      await withRuntime(opts, async (rt) => {
        const u = await requireUser(rt, opts.email);
        await rt.services.auth.unlockAccount(cliActor(), u.id);
        printJson({ userId: u.id, unlocked: true });
      });
    });

  const token = program.command('token').description('API tokens for integrations and scripts');
  withDb(token.command('create'))
    .description(
      'Create an API token for a member of a practice; it acts with their role there. Prints the token alone.',
    )
    .requiredOption('--practice <id>', 'practice id')
    .requiredOption('--email <email>', 'e-mail of the member the token acts for')
    .requiredOption('--name <label>', 'what the token is for')
    .action(async (opts: DbOptions & { practice: string; email: string; name: string }) => {
      await withRuntime(opts, async (rt) => {
        const u = await requireUser(rt, opts.email);
        const r = await rt.services.apiTokens.createForMember(
          cliActor(),
          opts.practice,
          u.id,
          nameOption(opts.name, '--name'),
        );
        process.stdout.write(`${r.token}\n`);
      });
    });

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

  const audit = program.command('audit').description('The tamper-evident audit trail');
  withDb(audit.command('verify'))
    .description(
      'Recompute the hash chains and check the signed checkpoints. Exit 0 when intact, 1 naming the first bad entry.',
    )
    .option('--practice <id>', 'only this practice (default: every chain, including the server chain)')
    .action(async (opts: DbOptions & { practice?: string }) => {
      await withRuntime(opts, async (rt) => {
        const results = opts.practice
          ? [await rt.services.auditTrail.verifyChain(rt.services.db, opts.practice, rt.config.database)]
          : await rt.services.auditTrail.verifyAll(rt.services.db, rt.config.database);
        const bad = results.filter((r) => !r.ok);
        printJson({ ok: bad.length === 0, chains: results });
        for (const b of bad)
          process.stderr.write(
            `gardien: audit trail of ${b.practiceId} is NOT intact: first bad entry is seq ${b.firstBadSeq} (${b.problem})\n`,
          );
        if (bad.length) process.exitCode = EXIT.CHECK_FAILED;
      });
    });

  withDb(audit.command('checkpoint'))
    .description('Seal the current head of each chain with a signed checkpoint (run before exporting or backing up).')
    .option('--practice <id>', 'only this practice')
    .action(async (opts: DbOptions & { practice?: string }) => {
      await withRuntime(opts, async (rt) => {
        const ids = opts.practice
          ? [opts.practice]
          : [SERVER_CHAIN, ...(await rt.services.db.selectFrom('practices').select('id').execute()).map((p) => p.id)];
        const out: Record<string, number | null> = {};
        for (const id of ids) out[id] = await rt.services.auditTrail.checkpointNow(rt.services.db, id);
        printJson({ checkpoints: out });
      });
    });

  const passphraseOption = () =>
    new Option(
      '--passphrase-env <VAR>',
      'name of the environment variable holding a passphrase (default: the key file)',
    );
  const passphraseFrom = (name?: string) => {
    const varName = name ?? (process.env.GARDIEN_BACKUP_PASSPHRASE ? 'GARDIEN_BACKUP_PASSPHRASE' : undefined);
    if (!varName) return {};
    const value = process.env[varName];
    if (!value) throw new CliError(`--passphrase-env: ${varName} is empty or unset`);
    return { passphrase: value };
  };

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

  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  process.umask(0o077); // the database, its WAL and the key file are readable by the server's user only
  const program = buildCli();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
  } catch (e) {
    const ce = e as { code?: string; exitCode?: number };
    if (typeof ce.code === 'string' && ce.code.startsWith('commander.'))
      return ce.code === 'commander.helpDisplayed' || ce.code === 'commander.version' ? EXIT.OK : EXIT.USAGE;
    return reportError(e);
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain || process.env.GARDIEN_CLI_MAIN === '1') {
  runCli(process.argv).then(
    (code) => {
      if (code !== EXIT.OK) process.exit(code);
    },
    (e) => process.exit(reportError(e)),
  );
}
