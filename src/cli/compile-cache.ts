import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** What became of the cache when the bundle was loaded. */
export type CompileCacheStatus = 'used' | 'missing' | 'stale' | 'rejected' | 'off';

export interface LoadedBundle {
  exports: unknown;
  status: CompileCacheStatus;
  /** Writes the cache now if this load could not use one (done by itself `writeAfterMs` after the load, or at exit). */
  flush(): void;
}

const HASH_BYTES = 32;

/**
 * Runs a CommonJS bundle with a V8 code cache beside it (`<bundle>.cache`): compiling the 3 MB bundle and the functions
 * that start-up calls is about a third of a cold start (bench/README.md), and Node 20 has no compile cache of its own
 * (`module.enableCompileCache()` is Node 22). The cache begins with the SHA-256 of the bundle it was made from: V8 only
 * checks the source's length, so a rebuilt bundle of the same length would otherwise run the old bytecode. A load that
 * cannot use the cache (none, another bundle's, or refused by V8 after a Node upgrade) writes a new one once start-up
 * is done; a directory it may not write to only means compiling at every start.
 */
export function loadBundle(file: string, opts: { writeAfterMs?: number; enabled?: boolean } = {}): LoadedBundle {
  const cacheFile = `${file}.cache`;
  // As a string straight away: V8 keeps the source of a script (lazy compilation, toString), and a Buffer of it would be
  // 3 MB more until the next full collection. The bundle is ASCII (scripts/bundle.mjs checks), so latin1 reads it as is.
  const source = fs.readFileSync(file, 'latin1');
  const hash = createHash('sha256').update(source, 'latin1').digest();
  const enabled = opts.enabled ?? true;
  let cachedData: Buffer | undefined;
  let status: CompileCacheStatus = enabled ? 'missing' : 'off';
  if (enabled) {
    const cache = readIfPresent(cacheFile);
    if (cache && cache.length > HASH_BYTES && cache.subarray(0, HASH_BYTES).equals(hash))
      cachedData = cache.subarray(HASH_BYTES);
    else if (cache) status = 'stale';
  }
  // No import() in the bundle (scripts/bundle.mjs refuses one): run from a code cache, Node 20 loses its callback.
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (cachedData) status = script.cachedDataRejected ? 'rejected' : 'used';

  let isWritten = status === 'used' || status === 'off';
  const flush = () => {
    if (isWritten) return;
    isWritten = true;
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, Buffer.concat([hash, script.createCachedData()]));
      fs.chmodSync(tmp, 0o644); // bytecode of the published source, no data: readable by a server running as another user
      fs.renameSync(tmp, cacheFile); // atomic: a process starting meanwhile reads the old cache or the new one
    } catch {
      fs.rmSync(tmp, { force: true });
    }
  };
  if (!isWritten) {
    setTimeout(flush, opts.writeAfterMs ?? 10_000).unref();
    process.once('exit', flush);
  }

  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, status, flush };
}

function readIfPresent(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}
