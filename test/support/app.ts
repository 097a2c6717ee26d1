import type { LightMyRequestResponse } from 'fastify';
import { ROLES } from '../../src/contracts/roles.js';
import pino from 'pino';
import { buildApp } from '../../src/server/app.js';
import { ManualClock } from '../../src/server/platform/clock.js';
import { loadOrCreateKeys } from '../../src/server/platform/crypto/key-file.js';
import { openDatabase, type DialectName, type OpenDatabase } from '../../src/server/platform/db/database.js';
import { migrateToLatest } from '../../src/server/platform/db/migrations/index.js';
import type { HttpServer } from '../../src/server/platform/http/server.js';
import { createLogger } from '../../src/server/platform/http/logger.js';
import { createServices, type Services } from '../../src/server/services.js';
import { cliActor } from '../../src/server/shared/actor.js';
import { totpCodeAt } from '../../src/server/modules/auth/index.js';
import type { Role } from '../../src/contracts/roles.js';
import { createTestDatabase, type TestDatabase } from './dialects.js';

export const STRONG_PASSWORD = 'Sel-de-Guérande-42-Brioche!';

export interface TestApp {
  dialect: DialectName;
  clock: ManualClock;
  services: Services;
  app: HttpServer;
  database: OpenDatabase;
  testDb: TestDatabase;
  close(): Promise<void>;
  /** Reopens the same database with fresh services and app, as after a restart. */
  restart(): Promise<void>;
}

/** A whole Gardien on a fresh database of the dialect, with a hand-moved clock and a silent logger. */
export async function createTestApp(
  dialect: DialectName,
  opts: {
    rateLimitPerMinute?: number;
    checkpointEvery?: number;
    publicOrigin?: string;
    parallelVerifyFrom?: number;
    logLines?: string[];
  } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase(dialect);
  const clock = new ManualClock();
  const keys = loadOrCreateKeys(testDb.dataDir);
  const build = async () => {
    const database = await openDatabase(testDb.target);
    await migrateToLatest(database.db, database.dialect);
    const services = createServices(database.db, database.dialect, keys, clock, {
      sessionAbsoluteMs: 12 * 3600_000,
      loginIpLimitPer15Min: 30,
      auditCheckpointEvery: opts.checkpointEvery ?? 100,
      auditParallelVerifyFrom: opts.parallelVerifyFrom,
      target: testDb.target,
    });
    const app = await buildApp(services, {
      logger: opts.logLines
        ? createLogger('info', { write: (line: string) => void opts.logLines!.push(line) })
        : pino({ level: 'silent' }),
      cookieSecure: true,
      bodyLimitBytes: 1024 * 1024,
      trustProxy: false,
      rateLimitPerMinute: opts.rateLimitPerMinute ?? 100_000,
      publicOrigin: opts.publicOrigin,
    });
    await app.ready();
    return { database, services, app };
  };
  const t: TestApp = {
    dialect,
    clock,
    testDb,
    ...(await build()),
    async close() {
      await t.app.close();
      await t.services.close();
      await t.database.close();
      await testDb.dispose();
    },
    async restart() {
      await t.app.close();
      await t.services.close();
      await t.database.close();
      Object.assign(t, await build());
    },
  };
  return t;
}

/** A signed-in browser: its session cookie and CSRF token. */
export interface Client {
  cookie: string;
  csrf: string;
  userId: string;
  email: string;
  password: string;
  totpSecret?: string;
  /** The address the browser signed in from; its later requests come from it too. */
  ip?: string;
}

const COOKIE = '__Host-gardien_session';

function cookieFrom(res: LightMyRequestResponse): string | undefined {
  const c = res.cookies.find((k) => k.name === COOKIE);
  return c?.value;
}

export interface RequestOptions {
  body?: unknown;
  as?: Client | { token: string } | null;
  headers?: Record<string, string>;
  ip?: string;
}

/** An HTTP request through Fastify's inject, sent as a signed-in client (cookie + CSRF) or with a bearer token. */
export async function call(
  t: TestApp,
  method: string,
  url: string,
  o: RequestOptions = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.as && 'token' in o.as) headers.authorization = `Bearer ${o.as.token}`;
  else if (o.as) {
    headers.cookie = `${COOKIE}=${o.as.cookie}`;
    headers['x-csrf-token'] ??= o.as.csrf;
  }
  const res = await t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(o.body !== undefined ? { payload: o.body as object } : {}),
    remoteAddress: o.ip ?? (o.as && !('token' in o.as) ? o.as.ip : undefined) ?? '127.0.0.1',
  });
  if (o.as && !('token' in o.as)) {
    const rotated = cookieFrom(res);
    if (rotated) o.as.cookie = rotated;
  }
  return res;
}

/** Password step only: a session waiting for its second factor. */
let loginCount = 0;
/** Each sign-in comes from its own address, so the per-address login limits never throttle a test by accident. */
const nextAddress = () => `10.${(++loginCount >> 16) & 255}.${(loginCount >> 8) & 255}.${loginCount & 255}`;

export async function loginPasswordOnly(
  t: TestApp,
  email: string,
  password: string,
  ip?: string,
): Promise<Client & { next: string }> {
  const address = ip ?? nextAddress();
  const res = await call(t, 'POST', '/api/v1/auth/login', { body: { email, password }, ip: address });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { next: string; csrfToken: string };
  const me = await t.services.auth.findUserByEmail(email);
  return {
    cookie: cookieFrom(res)!,
    csrf: body.csrfToken,
    userId: me!.id,
    email,
    password,
    next: body.next,
    ip: address,
  };
}

/** Full sign-in: password, then TOTP enrolment (first time) or a TOTP code. Moves the clock 31 s to get a fresh code. */
export async function login(
  t: TestApp,
  email: string,
  password = STRONG_PASSWORD,
  known?: { totpSecret?: string },
): Promise<Client> {
  const c: Client = await loginPasswordOnly(t, email, password);
  return completeMfa(t, c, known?.totpSecret);
}

export async function completeMfa(t: TestApp, c: Client, totpSecret?: string): Promise<Client> {
  let secret = totpSecret;
  if (!secret) {
    const enr = await call(t, 'POST', '/api/v1/auth/mfa/enrollment', { as: c });
    if (enr.statusCode !== 200) throw new Error(`enrollment failed: ${enr.statusCode} ${enr.body}`);
    secret = (enr.json() as { secret: string }).secret;
  }
  t.clock.advance(31_000);
  const step = totpSecret ? 'verify' : 'enrollment/confirm';
  const res = await call(t, 'POST', `/api/v1/auth/mfa/${step}`, {
    as: c,
    body: { code: await totpCodeAt(secret, t.clock.now()) },
  });
  if (res.statusCode !== 200) throw new Error(`mfa ${step} failed: ${res.statusCode} ${res.body}`);
  c.csrf = (res.json() as { csrfToken: string }).csrfToken;
  c.totpSecret = secret;
  return c;
}

let seq = 0;
export const uniqueEmail = (label = 'user') => `${label}.${process.pid}.${++seq}@cabinet.example.fr`;

/** A practice with its owner account (created by the server administrator, as `gardien init` does). */
export async function createPractice(
  t: TestApp,
  name = `Cabinet ${++seq}`,
): Promise<{ practiceId: string; ownerId: string; ownerEmail: string }> {
  const ownerEmail = uniqueEmail('owner');
  const r = await t.services.practices.createPractice(cliActor(), {
    name,
    owner: { email: ownerEmail, name: 'Claire Martin', password: STRONG_PASSWORD },
  });
  return { practiceId: r.practiceId, ownerId: r.userId, ownerEmail };
}

/** A person with `role` in the practice, with a password that needs no change (as added by the administrator). */
export async function addMember(
  t: TestApp,
  practiceId: string,
  role: Role,
  email = uniqueEmail(role),
): Promise<{ userId: string; email: string }> {
  const r = await t.services.team.addMember(cliActor(), practiceId, {
    email,
    name: `Personne ${role}`,
    role,
    initialPassword: STRONG_PASSWORD,
  });
  return { userId: r.userId, email };
}

/** Audit entries of a chain, oldest first. */
export async function auditEntries(t: TestApp, practiceId: string) {
  return t.services.db
    .selectFrom('audit_entries')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('seq')
    .execute();
}

/** A practice with one signed-in person of each role, the owner first: for tests that compare what each role may do. */
export async function practiceWithEveryRole(t: TestApp, name: string) {
  const p = await createPractice(t, name);
  const clients = {} as Record<Role, Client>;
  const ids = {} as Record<Role, string>;
  clients.owner = await login(t, p.ownerEmail);
  ids.owner = p.ownerId;
  for (const role of ROLES.filter((r) => r !== 'owner')) {
    const m = await addMember(t, p.practiceId, role);
    ids[role] = m.userId;
    clients[role] = await login(t, m.email);
  }
  return { practiceId: p.practiceId, clients, ids };
}

/** The client with its session unlocked, so that no idle lock interferes between checks. */
export async function unlocked(t: TestApp, c: Client): Promise<Client> {
  await call(t, 'POST', '/api/v1/auth/unlock', { as: c, body: { password: c.password } });
  return c;
}
