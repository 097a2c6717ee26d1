import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { freePort, startCluster, type Cluster } from '../scripts/pg-cluster.mjs';
import { loadOrCreateKeys } from '../src/server/platform/crypto/key-file.js';
import { openDatabase, type DatabaseTarget } from '../src/server/platform/db/database.js';
import { AuditTrail } from '../src/server/modules/audit-trail/index.js';
import { totpCodeAt } from '../src/server/modules/auth/index.js';
import { systemClock } from '../src/server/platform/clock.js';
import { describeEachDialect, tempDir } from './support/dialects.js';

/**
 * Crash durability (security goals G18, G19): a real server process under concurrent writes and reads is killed with
 * SIGKILL at random moments; on PostgreSQL the database server itself is also crashed (`pg_ctl stop -m immediate`)
 * every third round. After every restart: each acknowledged write is present, no change exists without its audit
 * entry or the reverse, each answered read has its audit entry, the
 * integrity check passes and every audit chain verifies.
 *
 * What this does NOT simulate: power loss. An application or database crash leaves the operating system's page cache
 * to reach the disk; losing un-synced writes needs a lying disk or a lazy file system (LazyFS), which cannot be
 * installed here. Power-loss durability rests on the settings asserted at start (SQLite synchronous=FULL, PostgreSQL
 * fsync, synchronous_commit and full_page_writes on) and on the engines' own testing.
 *
 * Default: 10 rounds and at least 1,000 acknowledged writes per dialect. GARDIEN_HEAVY=1: at least 100 rounds and
 * 10,000 acknowledged writes.
 */
const HEAVY = process.env.GARDIEN_HEAVY === '1';
const MIN_ROUNDS = HEAVY ? 100 : 10;
const MIN_ACKED = HEAVY ? 10_000 : 1_000;
const CONCURRENCY = 8;
const READERS = 4;
const root = path.resolve(import.meta.dirname, '..');
const PASSWORD = 'Sel-de-Guérande-42-Brioche!';

/** The server as it runs in production: the bundle that `npm run build` writes. */
function ensureBuilt(): string {
  // scripts/run-tests.mjs builds once before every test file runs; a file run on its own builds here.
  if (process.env.GARDIEN_TEST_BUILT !== '1') {
    const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
    assert.equal(r.status, 0, 'build failed');
  }
  return path.join(root, 'bin/gardien.js');
}

describeEachDialect('crash durability', (dialect) => {
  let dataDir: string;
  let target: DatabaseTarget;
  let cluster: Cluster | null = null;
  let main: string;
  before(async () => {
    main = ensureBuilt();
    dataDir = tempDir('gardien-crash-');
    if (dialect === 'postgres') {
      cluster = await startCluster();
      if (!cluster) throw new Error('the PostgreSQL crash test needs Debian’s postgresql (initdb)');
      target = { kind: 'postgres', url: cluster.url };
    } else target = { kind: 'sqlite', file: path.join(dataDir, 'gardien.db') };
    const init = spawnSync(
      process.execPath,
      [
        main,
        'init',
        '--data-dir',
        dataDir,
        '--practice',
        'Cabinet Crash',
        '--owner-email',
        'crash@example.fr',
        '--owner-name',
        'Claire Crash',
        ...(target.kind === 'postgres' ? ['--database-url', target.url] : []),
      ],
      { env: { ...process.env, GARDIEN_PASSWORD: PASSWORD, GARDIEN_CLI_MAIN: '1' }, encoding: 'utf8' },
    );
    assert.equal(init.status, 0, init.stderr);
  });
  after(() => {
    cluster?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * Starts the server on a free port and waits for its health answer. A start that fails (a port taken between the
   * choice and the bind, a database still recovering) is retried on a new port; the third failure reports the
   * server's own error output.
   */
  async function startServer(): Promise<{ child: ChildProcess; port: number }> {
    let lastError = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const child = spawn(
        main,
        [
          'serve',
          '--data-dir',
          dataDir,
          '--port',
          String(port),
          ...(target.kind === 'postgres' ? ['--database-url', target.url] : []),
        ],
        {
          env: {
            ...process.env,
            GARDIEN_CLI_MAIN: '1',
            GARDIEN_LOG_LEVEL: 'error',
            GARDIEN_BACKUP_DIR: 'off',
            GARDIEN_RATE_LIMIT_PER_MINUTE: '1000000',
            GARDIEN_COOKIE_SECURE: 'false',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
      child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
      let exited = false;
      child.once('exit', () => (exited = true));
      const deadline = Date.now() + 60_000;
      while (!exited && Date.now() < deadline) {
        if (
          await fetch(`http://127.0.0.1:${port}/api/health`).then(
            (r) => r.ok,
            () => false,
          )
        )
          return { child, port };
        await new Promise((r) => setTimeout(r, 50));
      }
      if (!exited) {
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
      }
      lastError = `attempt ${attempt + 1} on port ${port}: ${exited ? 'exited' : 'no health answer in 60 s'}\n${output}`;
      process.stdout.write(`# crash durability [${dialect}]: server start retried (${lastError.split('\n')[0]})\n`);
    }
    throw new Error(`server did not start: ${lastError}`);
  }

  /** Checks the database as found after a crash, with no server running. */
  async function checkState(acked: Set<string>, ackedReads: Set<string>): Promise<{ tokens: number }> {
    const opened = await openDatabase(target);
    try {
      const db = opened.db;
      if (opened.dialect === 'sqlite') {
        const r = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
        assert.equal(r.rows[0]?.integrity_check, 'ok');
      }
      const tokens = new Set(
        (await db.selectFrom('api_tokens').select('id').where('name', 'like', 'crash-%').execute()).map((t) => t.id),
      );
      const lost = [...acked].filter((id) => !tokens.has(id));
      assert.deepEqual(lost, [], `${lost.length} acknowledged writes lost`);
      const audited = new Set(
        (await db.selectFrom('audit_entries').select('target_id').where('action', '=', 'token.created').execute()).map(
          (e) => e.target_id,
        ),
      );
      const withoutAudit = [...tokens].filter((id) => !audited.has(id));
      const auditWithoutRow = [...audited].filter((id) => id !== null && !tokens.has(id));
      assert.deepEqual(withoutAudit, [], 'a change without its audit entry');
      assert.deepEqual(auditWithoutRow, [], 'an audit entry without its change');
      const readsOnRecord = new Set(
        (await db.selectFrom('audit_entries').select('request_id').where('action', '=', 'member.listed').execute()).map(
          (e) => e.request_id,
        ),
      );
      const unrecorded = [...ackedReads].filter((id) => !readsOnRecord.has(id));
      assert.deepEqual(unrecorded, [], `${unrecorded.length} answered reads without their audit entry`);
      const chains = await new AuditTrail({
        keys: loadOrCreateKeys(dataDir),
        clock: systemClock,
        checkpointEvery: 100,
      }).verifyAll(db);
      for (const c of chains) assert.equal(c.ok, true, `audit chain ${c.practiceId}: ${c.problem}`);
      return { tokens: tokens.size };
    } finally {
      await opened.close();
    }
  }

  it('loses no acknowledged write and no audit entry across repeated kill -9', async () => {
    const acked = new Set<string>();
    // The request ids of the reads answered: each must have its audit entry (the group commit, on SQLite its thread).
    const ackedReads = new Set<string>();
    let rounds = 0;
    let dbCrashes = 0;
    let session: { cookie: string; csrf: string; practiceId: string } | null = null;
    while (rounds < MIN_ROUNDS || acked.size < MIN_ACKED) {
      // A liveness floor, not a speed target: on a slow or shared machine (PostgreSQL restarted every third round) the
      // writes acknowledged per round vary from about 15 to 25, so the count is reached within eight times the rounds.
      assert.ok(rounds < MIN_ROUNDS * 8, `only ${acked.size} writes acknowledged after ${rounds} rounds`);
      const { child, port } = await startServer();
      const base = `http://127.0.0.1:${port}`;
      if (!session) session = await signIn(base);
      const s = session;
      let stop = false;
      const writer = async () => {
        while (!stop) {
          const name = `crash-${rounds}-${Math.random().toString(36).slice(2)}`;
          const res = await fetch(`${base}/api/v1/practices/${s.practiceId}/api-tokens`, {
            method: 'POST',
            headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
            body: JSON.stringify({ name }),
          }).catch(() => null);
          if (res?.status === 201) acked.add(((await res.json()) as { apiToken: { id: string } }).apiToken.id);
          else if (res) await res.arrayBuffer().catch(() => undefined);
        }
      };
      const reader = async () => {
        while (!stop) {
          const res = await fetch(`${base}/api/v1/practices/${s.practiceId}/members`, {
            headers: { cookie: s.cookie },
          }).catch(() => null);
          const body = await res?.arrayBuffer().catch(() => null);
          if (res?.status === 200 && body) ackedReads.add(res.headers.get('x-request-id')!);
        }
      };
      const clients = [...Array.from({ length: CONCURRENCY }, writer), ...Array.from({ length: READERS }, reader)];
      await new Promise((r) => setTimeout(r, 250 + Math.random() * 700));
      const crashDb = cluster !== null && rounds % 3 === 2;
      if (crashDb) {
        cluster!.crash();
        dbCrashes++;
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      stop = true;
      await Promise.all(clients);
      if (crashDb) cluster!.start();
      await checkState(acked, ackedReads);
      rounds++;
    }
    process.stdout.write(
      `# crash durability [${dialect}]: ${rounds} kills${dbCrashes ? `, ${dbCrashes} database crashes` : ''}, ${acked.size} acknowledged writes, none lost; ${ackedReads.size} answered reads, each with its audit entry\n`,
    );
  });
});

/** Signs in once through the real server (password, TOTP enrolment); the session survives the restarts. */
async function signIn(base: string): Promise<{ cookie: string; csrf: string; practiceId: string }> {
  const post = async (url: string, body: unknown, cookie?: string, csrf?: string) => {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    return {
      status: res.status,
      json: (await res.json()) as Record<string, unknown>,
      cookie: setCookie ? setCookie.split(';')[0]! : cookie,
    };
  };
  const login = await post('/api/v1/auth/login', { email: 'crash@example.fr', password: PASSWORD });
  assert.equal(login.status, 200);
  const enr = await post('/api/v1/auth/mfa/enrollment', {}, login.cookie, String(login.json.csrfToken));
  const conf = await post(
    '/api/v1/auth/mfa/enrollment/confirm',
    { code: await totpCodeAt(String(enr.json.secret), new Date()) },
    login.cookie,
    String(login.json.csrfToken),
  );
  assert.equal(conf.status, 200, JSON.stringify(conf.json));
  const cookie = conf.cookie!;
  const csrf = String(conf.json.csrfToken);
  const me = (await (await fetch(`${base}/api/v1/me`, { headers: { cookie } })).json()) as {
    memberships: { practiceId: string }[];
  };
  const practiceId = me.memberships[0]!.practiceId;
  // A long idle delay: the test pauses between rounds.
  const patch = await fetch(`${base}/api/v1/practices/${practiceId}`, {
    method: 'PATCH',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ idleLockMinutes: 60 }),
  });
  assert.equal(patch.status, 200);
  return { cookie, csrf, practiceId };
}
