import path from 'node:path';
import { z } from 'zod';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable Gardien reads; README "Configuration" lists the same set. */
const EnvSchema = z.object({
  GARDIEN_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  GARDIEN_HOST: z.string().min(1).default('127.0.0.1'),
  GARDIEN_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  GARDIEN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GARDIEN_COOKIE_SECURE: boolFromEnv.default(true),
  GARDIEN_TRUST_PROXY: boolFromEnv.default(false),
  GARDIEN_PUBLIC_ORIGIN: z.url().optional(),
  GARDIEN_SESSION_ABSOLUTE_HOURS: z.coerce.number().min(1).max(24).default(12),
  GARDIEN_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  GARDIEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).default(600),
  GARDIEN_LOGIN_IP_LIMIT_PER_15MIN: z.coerce.number().int().min(5).default(30),
  GARDIEN_AUDIT_CHECKPOINT_EVERY: z.coerce.number().int().min(1).max(100000).default(100),
  GARDIEN_BACKUP_DIR: z.string().min(1).optional(),
  GARDIEN_BACKUP_EVERY_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 7)
    .default(24),
  GARDIEN_BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  GARDIEN_BACKUP_DRILL_EVERY_DAYS: z.coerce.number().min(1).max(90).default(30),
  GARDIEN_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'must be smtp://[user:password@]host[:port] or smtps://…')
    .optional(),
  GARDIEN_MAIL_FROM: z.email().optional(),
});

export interface Config {
  readonly dataDir: string;
  readonly database:
    { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };
  readonly host: string;
  readonly port: number;
  readonly logLevel: z.infer<typeof EnvSchema>['GARDIEN_LOG_LEVEL'];
  readonly cookieSecure: boolean;
  readonly trustProxy: boolean;
  readonly publicOrigin: string | undefined;
  readonly sessionAbsoluteMs: number;
  readonly bodyLimitBytes: number;
  readonly rateLimitPerMinute: number;
  readonly loginIpLimitPer15Min: number;
  readonly auditCheckpointEvery: number;
  /** Scheduled backups: directory (null when turned off with `off`), period, files kept, drill period. */
  readonly backup: {
    readonly dir: string | null;
    readonly everyMs: number;
    readonly keep: number;
    readonly drillEveryMs: number;
  };
  /** E-mail reminders (the 72-hour breach clock): the SMTP server the administrator set, or null (reminders in the app only). */
  readonly mail: { readonly url: string; readonly from: string } | null;
}

export class ConfigError extends Error {
  constructor(
    readonly badKeys: string[],
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; fails fast naming every bad key. CLI flags arrive as overrides. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Record<keyof z.infer<typeof EnvSchema>, string>> = {},
): Config {
  const source: Record<string, string | undefined> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const v = overrides[key as keyof typeof overrides] ?? env[key];
    source[key] = v === '' ? undefined : v;
  }
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const bad = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(bad, `Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.GARDIEN_SMTP_URL && !e.GARDIEN_MAIL_FROM)
    throw new ConfigError(
      ['GARDIEN_MAIL_FROM'],
      'Invalid configuration:\n  GARDIEN_MAIL_FROM: required when GARDIEN_SMTP_URL is set (the sender address of the reminders)',
    );
  const dataDir = path.resolve(e.GARDIEN_DATA_DIR);
  return Object.freeze({
    dataDir,
    database: e.DATABASE_URL
      ? Object.freeze({ kind: 'postgres' as const, url: e.DATABASE_URL })
      : Object.freeze({ kind: 'sqlite' as const, file: path.join(dataDir, 'gardien.db') }),
    host: e.GARDIEN_HOST,
    port: e.GARDIEN_PORT,
    logLevel: e.GARDIEN_LOG_LEVEL,
    cookieSecure: e.GARDIEN_COOKIE_SECURE,
    trustProxy: e.GARDIEN_TRUST_PROXY,
    publicOrigin: e.GARDIEN_PUBLIC_ORIGIN,
    sessionAbsoluteMs: e.GARDIEN_SESSION_ABSOLUTE_HOURS * 3600_000,
    bodyLimitBytes: e.GARDIEN_BODY_LIMIT_BYTES,
    rateLimitPerMinute: e.GARDIEN_RATE_LIMIT_PER_MINUTE,
    loginIpLimitPer15Min: e.GARDIEN_LOGIN_IP_LIMIT_PER_15MIN,
    auditCheckpointEvery: e.GARDIEN_AUDIT_CHECKPOINT_EVERY,
    backup: Object.freeze({
      dir: e.GARDIEN_BACKUP_DIR === 'off' ? null : path.resolve(e.GARDIEN_BACKUP_DIR ?? path.join(dataDir, 'backups')),
      everyMs: e.GARDIEN_BACKUP_EVERY_HOURS * 3600_000,
      keep: e.GARDIEN_BACKUP_KEEP,
      drillEveryMs: e.GARDIEN_BACKUP_DRILL_EVERY_DAYS * 24 * 3600_000,
    }),
    mail:
      e.GARDIEN_SMTP_URL && e.GARDIEN_MAIL_FROM
        ? Object.freeze({ url: e.GARDIEN_SMTP_URL, from: e.GARDIEN_MAIL_FROM })
        : null,
  });
}

export const CONFIG_KEYS = Object.keys(EnvSchema.shape);
