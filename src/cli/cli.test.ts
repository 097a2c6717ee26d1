import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../server/platform/db/database.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/support/dialects.js';

const root = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'Sel-de-Guérande-42-Brioche!';

/**
 * The CLI as a person runs it: the built command through its shebang (bin/gardien.js, with the node on PATH) when the
 * suite has built it (npm test, CI on each Node version), else the sources through tsx.
 */
const isBuilt = process.env.GARDIEN_TEST_BUILT === '1';
const command = (args: string[]): [string, string[]] =>
  isBuilt
    ? [path.join(root, 'bin/gardien.js'), args]
    : [process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args]];

function gardien(db: TestDatabase, args: string[], env: Record<string, string> = {}) {
  const dbArgs =
    db.target.kind === 'sqlite'
      ? ['--data-dir', db.dataDir]
      : ['--data-dir', db.dataDir, '--database-url', db.target.url];
  const r = spawnSync(...command([...args, ...dbArgs]), {
    cwd: root,
    env: { ...process.env, GARDIEN_CLI_MAIN: '1', GARDIEN_PASSWORD: PASSWORD, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

describeEachDialect('CLI contract', (dialect) => {
  let db: TestDatabase;
  let practiceId = '';
  before(async () => {
    db = await createTestDatabase(dialect);
  });
  after(async () => db.dispose());

  it('init creates the database, the practice and its owner, and prints one JSON line', () => {
    const r = gardien(db, [
      'init',
      '--practice',
      'Cabinet du Dr Martin',
      '--owner-email',
      'claire.martin@example.fr',
      '--owner-name',
      'Claire Martin',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { practiceId: string; userId: string };
    assert.match(out.practiceId, /^prc_/);
    assert.match(out.userId, /^usr_/);
    practiceId = out.practiceId;
    if (dialect === 'sqlite') assert.ok(fs.existsSync(path.join(db.dataDir, 'gardien.db')));
    const key = fs.statSync(path.join(db.dataDir, 'gardien.key'));
    assert.equal(key.mode & 0o777, 0o600);
    assert.notEqual(
      gardien(db, ['init', '--practice', 'X', '--owner-email', 'x@example.fr', '--owner-name', 'X']).code,
      0,
    );
  });

  it('practice add and user add print their ids; an existing person gains a membership', () => {
    const p = gardien(db, [
      'practice',
      'add',
      '--name',
      'Centre dentaire du Port',
      '--owner-email',
      'claire.martin@example.fr',
      '--owner-name',
      'Claire Martin',
    ]);
    assert.equal(p.code, 0, p.stderr);
    const second = JSON.parse(p.stdout) as { practiceId: string; userId: string };
    const u = gardien(db, [
      'user',
      'add',
      '--practice',
      practiceId,
      '--email',
      'lea@example.fr',
      '--name',
      'Léa Le Goff',
      '--role',
      'assistant',
    ]);
    assert.equal(u.code, 0, u.stderr);
    const { userId } = JSON.parse(u.stdout) as { userId: string };
    const again = gardien(
      db,
      [
        'user',
        'add',
        '--practice',
        second.practiceId,
        '--email',
        'lea@example.fr',
        '--name',
        'Léa Le Goff',
        '--role',
        'trainee',
      ],
      { GARDIEN_PASSWORD: '' },
    );
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).userId, userId);
  });

  it('refuses bad input with a clear message and exit code 2', () => {
    const weak = gardien(
      db,
      ['user', 'add', '--practice', practiceId, '--email', 'weak@example.fr', '--name', 'W', '--role', 'assistant'],
      { GARDIEN_PASSWORD: 'azerty123' },
    );
    assert.equal(weak.code, 2);
    assert.match(weak.stderr, /courants/);
    assert.equal(
      gardien(db, [
        'user',
        'add',
        '--practice',
        practiceId,
        '--email',
        'not-an-email',
        '--name',
        'W',
        '--role',
        'assistant',
      ]).code,
      2,
    );
    assert.equal(
      gardien(db, ['user', 'add', '--practice', practiceId, '--email', 'a@example.fr', '--name', 'W', '--role', 'king'])
        .code,
      2,
    );
    assert.equal(
      gardien(db, [
        'user',
        'add',
        '--practice',
        'prc_nothere00000000',
        '--email',
        'a@example.fr',
        '--name',
        'W',
        '--role',
        'assistant',
      ]).code,
      2,
    );
  });

  it('token create prints the token alone, and it authenticates as the member', async () => {
    const r = gardien(db, [
      'token',
      'create',
      '--practice',
      practiceId,
      '--email',
      'lea@example.fr',
      '--name',
      'agenda',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^gardien_[A-Za-z0-9_-]{43}$/);
    const open = await openDatabase(db.target);
    const rows = await open.db.selectFrom('api_tokens').select(['practice_id', 'name']).execute();
    await open.close();
    assert.deepEqual(rows, [{ practice_id: practiceId, name: 'agenda' }]);
  });

  it('backup writes an encrypted file with progress, --verify runs the drill, restore rebuilds an empty database', async () => {
    const file = path.join(db.dataDir, 'manual.gbk');
    const b = gardien(db, ['backup', '--out', file]);
    assert.equal(b.code, 0, b.stderr);
    assert.match(b.stderr, /Sauvegarde: 100 %/);
    assert.equal(JSON.parse(b.stdout).tables.practices.rows, 2);
    const v = gardien(db, ['backup', '--verify', file]);
    assert.equal(v.code, 0, v.stderr);
    assert.equal(JSON.parse(v.stdout).ok, true);
    const target = await createTestDatabase(dialect);
    try {
      fs.copyFileSync(path.join(db.dataDir, 'gardien.key'), path.join(target.dataDir, 'gardien.key'));
      const r = gardien(target, ['restore', file]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).ok, true);
      assert.equal(gardien(target, ['audit', 'verify']).code, 0);
      // A second restore over the now full database is refused.
      assert.equal(gardien(target, ['restore', file]).code, 2);
    } finally {
      await target.dispose();
    }
  });

  it('refuses to seal a backup with a weak passphrase, naming the reason, and writes no file (issue 18)', () => {
    const file = path.join(db.dataDir, 'weak.gbk');
    const weak = gardien(db, ['backup', '--out', file], { GARDIEN_BACKUP_PASSPHRASE: '1234' });
    assert.equal(weak.code, 2, weak.stderr);
    assert.match(weak.stderr, /passphrase: /);
    assert.equal(fs.existsSync(file), false);
    const strong = gardien(db, ['backup', '--out', file], {
      GARDIEN_BACKUP_PASSPHRASE: 'une phrase de passe assez longue pour le coffre du cabinet',
    });
    assert.equal(strong.code, 0, strong.stderr);
  });

  it('audit verify exits 0 with a JSON summary, and 1 naming the first bad entry after tampering', async () => {
    const ok = gardien(db, ['audit', 'verify']);
    assert.equal(ok.code, 0, ok.stderr);
    const summary = JSON.parse(ok.stdout) as { ok: boolean; chains: { practiceId: string; entries: number }[] };
    assert.equal(summary.ok, true);
    assert.ok(summary.chains.find((c) => c.practiceId === practiceId)!.entries >= 4);
    assert.equal(gardien(db, ['audit', 'checkpoint', '--practice', practiceId]).code, 0);
    const open = await openDatabase(db.target);
    if (dialect === 'sqlite') await sql`DROP TRIGGER audit_entries_no_update`.execute(open.db);
    else await sql`ALTER TABLE audit_entries DISABLE TRIGGER USER`.execute(open.db);
    await open.db
      .updateTable('audit_entries')
      .set({ actor_role: 'auditor' })
      .where('practice_id', '=', practiceId)
      .where('seq', '=', 2)
      .execute();
    await open.close();
    const bad = gardien(db, ['audit', 'verify', '--practice', practiceId]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /first bad entry is seq 2/);
    assert.equal(JSON.parse(bad.stdout).chains[0].firstBadSeq, 2);
  });

  it('user disable ends the account everywhere', () => {
    const r = gardien(db, ['user', 'disable', '--email', 'lea@example.fr']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).tokens, 1);
  });

  it('serve answers /api/health on the chosen port', async () => {
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const dbArgs =
      db.target.kind === 'sqlite'
        ? ['--data-dir', db.dataDir]
        : ['--data-dir', db.dataDir, '--database-url', db.target.url];
    const child = spawn(...command(['serve', '--port', port, ...dbArgs]), {
      cwd: root,
      env: { ...process.env, GARDIEN_CLI_MAIN: '1', GARDIEN_LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    try {
      let body: unknown = null;
      for (let i = 0; i < 100 && body === null; i++) {
        await new Promise((r) => setTimeout(r, 100));
        body = await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.json(),
          () => null,
        );
      }
      assert.deepEqual(body, { status: 'ok', version: '0.1.0', database: dialect });
    } finally {
      child.kill('SIGTERM');
    }
  });
});

it('every command has --help, and bin/gardien.js runs', () => {
  for (const cmd of [
    [],
    ['init'],
    ['practice', 'add'],
    ['user', 'add'],
    ['user', 'disable'],
    ['token', 'create'],
    ['serve'],
    ['audit', 'verify'],
    ['audit', 'checkpoint'],
  ]) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...cmd, '--help'], {
      env: { ...process.env, GARDIEN_CLI_MAIN: '1' },
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, cmd.join(' '));
    assert.match(r.stdout, /Usage: gardien/);
  }
  const v = spawnSync(path.join(root, 'bin/gardien.js'), ['--version'], { encoding: 'utf8' });
  assert.equal(v.stdout.trim(), '0.1.0');
});
