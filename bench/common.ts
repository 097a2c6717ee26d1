import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`--${name} is required`);
  return v;
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

export async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${url} did not answer`);
}

/** Starts the compiled server (run `npm run build` first) on a data directory, as `npx gardien serve` does: through the
 * shebang of bin/gardien.js and the Node options it carries. */
export function startGardien(dataDir: string, port: number, env: Record<string, string> = {}): ChildProcess {
  return spawn(path.join(root, 'bin/gardien.js'), ['serve', '--data-dir', dataDir, '--port', String(port)], {
    env: {
      ...process.env,
      GARDIEN_CLI_MAIN: '1',
      GARDIEN_LOG_LEVEL: 'warn',
      GARDIEN_BACKUP_DIR: 'off',
      GARDIEN_RATE_LIMIT_PER_MINUTE: '100000000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * The environment that makes a process's flushes to disk slow (bench/slow-flush.c, built here with the machine's C
 * compiler and loaded with LD_PRELOAD): `delayMs` before each fsync and fdatasync.
 */
export function slowFlushEnv(delayMs: number): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gardien-slow-flush-'));
  const lib = path.join(dir, 'slow-flush.so');
  const cc = spawnSync('cc', ['-shared', '-fPIC', '-O2', '-o', lib, path.join(root, 'bench/slow-flush.c'), '-ldl'], {
    encoding: 'utf8',
  });
  if (cc.status !== 0) throw new Error(`--flush-delay-ms needs a C compiler (cc): ${cc.stderr || cc.error?.message}`);
  return { LD_PRELOAD: lib, BENCH_FLUSH_DELAY_US: String(Math.round(delayMs * 1000)) };
}

/**
 * The Node options and environment the shebang of bin/gardien.js gives the server (heap sizes, malloc trim threshold),
 * so that the bare baseline runs under the same ones: the ratio then measures Gardien's layers, not the runtime's
 * settings (a young generation of 2 × 2 MiB instead of 2 × 16 costs list routes that allocate much a good part of
 * their requests/s, whoever serves them).
 */
export function serverRuntime(): { nodeArgs: string[]; env: Record<string, string> } {
  const shebang = fs.readFileSync(path.join(root, 'bin/gardien.js'), 'utf8').split('\n', 1)[0]!;
  const words = shebang
    .replace(/^#!\/usr\/bin\/env -S /, '')
    .split(/\s+/)
    .filter(Boolean);
  const node = words.indexOf('node');
  if (node < 0) throw new Error(`bin/gardien.js: unexpected shebang ${shebang}`);
  return {
    env: Object.fromEntries(words.slice(0, node).map((w) => w.split('=') as [string, string])),
    nodeArgs: words.slice(node + 1),
  };
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** An export of a practice software with `count` patients (French headers, accents, dates DD/MM/YYYY), as a CSV string. */
export function patientCsv(count: number): string {
  const FIRST = ['Zoé', 'Émile', 'Léa', 'Jules', 'Chloé', 'Hugo', 'Inès', 'Louis', 'Manon', 'Gabriel'];
  const LAST = ['Martin', 'Bernard', 'Lefèvre', 'Dubois', 'Moreau', 'Laurent', 'Girard', 'Roux', 'Fournier', 'Mercier'];
  const lines = ['N° dossier;Nom;Prénom;Date de naissance;Téléphone;E-mail;Dernière visite'];
  for (let i = 0; i < count; i++) {
    const d = String((i % 28) + 1).padStart(2, '0');
    const m = String((i % 12) + 1).padStart(2, '0');
    lines.push(
      `P${i};${LAST[i % 10]}-${i};${FIRST[(i * 7) % 10]};${d}/${m}/${1940 + (i % 80)};06 ${String(i % 100).padStart(2, '0')} 12 34 56;patient${i}@example.fr;${d}/${m}/2025`,
    );
  }
  return lines.join('\r\n');
}

export interface FixedRateResult {
  sent: number;
  errors: number;
  /** Milliseconds, over every request; each latency counts from when the request was due, not from when it left. */
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  byPath: Map<string, { n: number; p50: number; p99: number; max: number }>;
}

/**
 * An open-loop load at a steady rate: request i is due at start + i / rate, whatever the answers before it, and its
 * latency counts from that due time (so a server that falls behind is charged for the wait: no coordinated omission).
 * autocannon's overallRate is not used for this: each connection sends its share of a second back to back when the
 * second starts (a burst of 50 every second, not 50 spread over it), and its correction records a synthetic sample for
 * every millisecond of a slow answer (its expected interval is ceil(1 / rate) = 1), which weights the tail many times.
 */
export async function fixedRate(opts: {
  base: string;
  paths: string[];
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  onSecond?: (s: number) => void;
}): Promise<FixedRateResult> {
  const total = Math.round(opts.rate * opts.seconds);
  const interval = 1000 / opts.rate;
  const latencies: number[] = [];
  const byPath = new Map<string, number[]>();
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now() + 50;
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (opts.onSecond && i % opts.rate === 0) opts.onSecond(i / opts.rate);
    const p = opts.paths[i % opts.paths.length]!;
    inFlight.push(
      fetch(`${opts.base}${p}`, { headers: opts.headers })
        .then(
          async (r) => {
            await r.arrayBuffer();
            if (!r.ok) errors++;
          },
          () => void errors++,
        )
        .finally(() => {
          const l = performance.now() - due;
          latencies.push(l);
          let mine = byPath.get(p);
          if (!mine) byPath.set(p, (mine = []));
          mine.push(l);
        }),
    );
  }
  await Promise.all(inFlight);
  const pct = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const all = sorted(latencies);
  const paths = new Map(
    [...byPath].map(([p, xs]) => {
      const s = sorted(xs);
      return [p, { n: s.length, p50: pct(s, 0.5), p99: pct(s, 0.99), max: s.at(-1)! }];
    }),
  );
  return {
    sent: total,
    errors,
    p50: pct(all, 0.5),
    p90: pct(all, 0.9),
    p95: pct(all, 0.95),
    p99: pct(all, 0.99),
    max: all.at(-1)!,
    byPath: paths,
  };
}

/** The bare baseline (bench/bare-server.ts) on the data directory, under the Node options Gardien's shebang gives it. */
export function startBare(dataDir: string, port: number, env: Record<string, string> = {}): ChildProcess {
  const runtime = serverRuntime();
  return spawn(
    process.execPath,
    [
      ...runtime.nodeArgs,
      '--import',
      'tsx',
      path.join(root, 'bench/bare-server.ts'),
      '--data-dir',
      dataDir,
      '--port',
      String(port),
    ],
    { env: { ...process.env, ...runtime.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/** The first call's time (a library loads), then the warm median, min and max of `runs` more, in ms. */
export async function timed<T>(
  run: () => Promise<T>,
  runs = 5,
): Promise<{ first: T; cold: number; median: number; min: number; max: number }> {
  const t0 = performance.now();
  const first = await run();
  const cold = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  return { first, cold, median: warm[Math.floor(runs / 2)]!, min: warm[0]!, max: warm[runs - 1]! };
}
