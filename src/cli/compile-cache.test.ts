import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadBundle } from './compile-cache.js';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gardien-compile-cache-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A CommonJS file the size of a small module, whose `version` says which source ran. */
function writeBundle(name: string, version: string): string {
  const file = path.join(dir, name);
  const body = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + ${i % 7}; }`).join('\n');
  fs.writeFileSync(
    file,
    `${body}\nmodule.exports = { version: '${version}', sum: f10(1) + f20(2), dirname: __dirname, join: require('node:path').join };\n`,
  );
  return file;
}

interface Exported {
  version: string;
  sum: number;
  dirname: string;
  join: unknown;
}

describe('compile cache of the bundle', () => {
  it('runs the bundle, writes its cache when there is none, and uses it next time', () => {
    const file = writeBundle('a.cjs', 'one');
    const first = loadBundle(file);
    assert.equal(first.status, 'missing');
    const ex = first.exports as Exported;
    assert.deepEqual([ex.version, ex.sum, ex.dirname], ['one', 10 + 1 * 0 + 3 + 40 + 6, dir]);
    assert.equal(typeof ex.join, 'function', 'require inside the bundle resolves as in any module');
    assert.equal(fs.existsSync(`${file}.cache`), false, 'written once start-up is done, not during the load');
    first.flush();
    const cache = fs.readFileSync(`${file}.cache`);
    assert.deepEqual(
      cache.subarray(0, 32),
      createHash('sha256').update(fs.readFileSync(file)).digest(),
      'the cache names the source it was made from',
    );
    const second = loadBundle(file);
    assert.equal(second.status, 'used');
    assert.equal((second.exports as Exported).version, 'one');
    assert.equal(typeof (second.exports as Exported).join, 'function');
  });

  it("never runs another source's bytecode: a rebuilt bundle of the same length ignores the old cache and replaces it", () => {
    const file = writeBundle('b.cjs', 'one');
    loadBundle(file).flush();
    const before = fs.statSync(file).size;
    writeBundle('b.cjs', 'two');
    assert.equal(fs.statSync(file).size, before, 'same length: V8 alone would accept the old cache');
    const rebuilt = loadBundle(file);
    assert.equal((rebuilt.exports as Exported).version, 'two');
    assert.equal(rebuilt.status, 'stale');
    rebuilt.flush();
    assert.equal(loadBundle(file).status, 'used');
  });

  it('a damaged cache is refused by V8, the bundle still runs, and the cache is made anew', () => {
    const file = writeBundle('c.cjs', 'one');
    const hash = createHash('sha256').update(fs.readFileSync(file)).digest();
    fs.writeFileSync(`${file}.cache`, Buffer.concat([hash, Buffer.alloc(4096, 7)]));
    const damaged = loadBundle(file);
    assert.equal(damaged.status, 'rejected');
    assert.equal((damaged.exports as Exported).version, 'one');
    damaged.flush();
    assert.equal(loadBundle(file).status, 'used');
  });

  it('switched off, it compiles and writes nothing', () => {
    const file = writeBundle('d.cjs', 'one');
    const off = loadBundle(file, { enabled: false });
    assert.equal(off.status, 'off');
    off.flush();
    assert.equal(fs.existsSync(`${file}.cache`), false);
  });

  it('a place it cannot write its cache only means compiling at each start', () => {
    const file = writeBundle('e.cjs', 'one');
    fs.mkdirSync(`${file}.cache/x`, { recursive: true }); // a directory where the cache would go: unreadable, unreplaceable
    const loaded = loadBundle(file);
    assert.equal(loaded.status, 'missing');
    assert.equal((loaded.exports as Exported).version, 'one');
    loaded.flush();
    assert.equal(fs.statSync(`${file}.cache`).isDirectory(), true);
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file left behind',
    );
  });

  it('the built command starts from the cache the build left beside the bundle', () => {
    // scripts/run-tests.mjs builds once before every test file runs; a file run on its own builds here.
    if (process.env.GARDIEN_TEST_BUILT !== '1')
      assert.equal(
        spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }).status,
        0,
        'build failed',
      );
    const bundle = path.join(root, 'dist/gardien.cjs');
    const cache = fs.readFileSync(`${bundle}.cache`);
    assert.deepEqual(cache.subarray(0, 32), createHash('sha256').update(fs.readFileSync(bundle)).digest());
    const r = spawnSync(path.join(root, 'bin/gardien.js'), ['--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\d+\.\d+\.\d+/);
    assert.deepEqual(fs.readFileSync(`${bundle}.cache`), cache, 'accepted as it was: nothing rewritten');
  });
});
