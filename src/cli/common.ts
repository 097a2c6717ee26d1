import { Command, Option } from 'commander';
import { z } from 'zod';
import { EmailSchema } from '../contracts/common.js';
import { loadConfig, type Config } from '../server/config.js';
import { openRuntime, type Runtime } from '../server/runtime.js';
import { cliActor } from '../server/shared/actor.js';
import { AppError } from '../server/shared/app-error.js';
import { CliError, printJson, readPassword } from './io.js';

// What the commands share: the database options, a runtime opened for one command, option parsing.

export interface DbOptions {
  dataDir?: string;
  databaseUrl?: string;
}

export const withDb = (cmd: Command): Command =>
  cmd
    .addOption(
      new Option('--data-dir <dir>', 'data directory: key file, and the SQLite database gardien.db').env(
        'GARDIEN_DATA_DIR',
      ),
    )
    .addOption(new Option('--database-url <url>', 'PostgreSQL instead of SQLite (postgres://…)').env('DATABASE_URL'));

export function configFrom(opts: DbOptions, extra: Record<string, string | undefined> = {}): Config {
  return loadConfig(process.env, {
    ...(opts.dataDir ? { GARDIEN_DATA_DIR: opts.dataDir } : {}),
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
  });
}

export async function withRuntime<T>(opts: DbOptions, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(configFrom(opts));
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** Validates a CLI value with the same schema as the API, so the CLI refuses what the API refuses. */
export function parseOption<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new CliError(`${flag}: ${r.error.issues.map((i) => i.message).join('; ')}`);
  return r.data;
}

export const nameOption = (v: unknown, flag: string) => parseOption(z.string().trim().min(1).max(200), v, flag);

/** `init` and `practice add`: a practice and its owner; the password is asked only for a new account. */
export async function createPracticeWithOwner(
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
export async function requireUser(rt: Runtime, rawEmail: string) {
  const u = await rt.services.auth.findUserByEmail(parseOption(EmailSchema, rawEmail, '--email'));
  if (!u) throw new AppError('NOT_FOUND', { issues: [{ path: 'email', code: 'unknown_account' }] });
  return u;
}

/** The backup's passphrase comes from an environment variable, never from the command line. */
export const passphraseOption = () =>
  new Option('--passphrase-env <VAR>', 'name of the environment variable holding a passphrase (default: the key file)');
export const passphraseFrom = (name?: string) => {
  const varName = name ?? (process.env.GARDIEN_BACKUP_PASSPHRASE ? 'GARDIEN_BACKUP_PASSPHRASE' : undefined);
  if (!varName) return {};
  const value = process.env[varName];
  if (!value) throw new CliError(`--passphrase-env: ${varName} is empty or unset`);
  return { passphrase: value };
};
