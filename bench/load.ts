/**
 * Load benchmarks against a running server on the dataset of bench/dataset.ts. Prints figures; asserts nothing.
 *   npm run build && npx tsx bench/load.ts --data-dir /tmp/gardien-bench [--seconds 10] [--soak-seconds 600] [--flush-delay-ms 4]
 * 1. throughput of the authenticated, permission-checked, audited list endpoints against a bare route running the
 *    same SQL on the same file (the cost of Gardien's own layers), each server warmed up on the path for 3 s first;
 * 2. a fixed rate of 50 requests/s, mixed (team, practice, trail, me, patient search, requests, breaches, to-do list), open
 *    loop, with p95/p99 overall and p50/p99 per path (common.ts fixedRate: why not autocannon's overallRate);
 * 3. cold start to the first 200;
 * 4. with --soak-seconds, a soak at 50 requests/s with the server's RSS sampled from start to end;
 * 5. with --flush-delay-ms, all of it on a disk whose flushes are that much slower (bench/slow-flush.c, LD_PRELOAD).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  arg,
  fixedRate,
  fmt,
  machine,
  root,
  rssMb,
  serverRuntime,
  slowFlushEnv,
  startBare,
  startGardien,
  waitFor,
} from './common.js';

const dataDir = arg('data-dir');
const seconds = Number(arg('seconds', '10'));
const soakSeconds = Number(arg('soak-seconds', '0'));
// A disk that flushes slowly (a hard disk, a consumer SSD): each fsync of the servers waits this long first.
const flushDelayMs = Number(arg('flush-delay-ms', '0'));
const slowDisk = flushDelayMs > 0 ? slowFlushEnv(flushDelayMs) : {};
const { practiceId, ownerEmail } = JSON.parse(fs.readFileSync(path.join(dataDir, 'bench.json'), 'utf8')) as {
  practiceId: string;
  ownerEmail: string;
};
const token = spawnSync(
  path.join(root, 'bin/gardien.js'),
  [
    'token',
    'create',
    '--data-dir',
    dataDir,
    '--practice',
    practiceId,
    '--email',
    ownerEmail,
    '--name',
    `bench ${Date.now()}`,
  ],
  { env: { ...process.env, GARDIEN_CLI_MAIN: '1' }, encoding: 'utf8' },
).stdout.trim();
if (!token.startsWith('gardien_')) throw new Error('could not create a token');
const auth = { authorization: `Bearer ${token}` };

console.log(`machine: ${machine()}`);
if (flushDelayMs > 0)
  console.log(
    `slow disk simulated: ${flushDelayMs} ms before each fsync/fdatasync of the servers (bench/slow-flush.c)`,
  );
const run = (opts: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(opts, (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res))),
  );

// Cold start: process start to the first 200 on /api/health, median of 5.
const starts: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = process.hrtime.bigint();
  const c = startGardien(dataDir, 3301, slowDisk);
  await waitFor('http://127.0.0.1:3301/api/health');
  starts.push(Number(process.hrtime.bigint() - t) / 1e6);
  c.kill('SIGTERM');
  await new Promise((r) => c.once('exit', r));
}
starts.sort((a, b) => a - b);
console.log(`cold start to first 200: median ${fmt(starts[2]!)} ms (min ${fmt(starts[0]!)}, max ${fmt(starts[4]!)})`);

const server = startGardien(dataDir, 3300, slowDisk);
const runtime = serverRuntime();
const bare = startBare(dataDir, 3399, slowDisk);
console.log(
  `bare server under Gardien's Node options: ${[...Object.entries(runtime.env).map(([k, v]) => `${k}=${v}`), ...runtime.nodeArgs].join(' ')}`,
);
await waitFor('http://127.0.0.1:3300/api/health');
await waitFor('http://127.0.0.1:3399/health');
// Idle: once started, and 15 s later, when V8's memory reducer has returned what start-up allocated (about 10 s after
// the allocation rate falls).
const justStarted = rssMb(server.pid!);
await new Promise((r) => setTimeout(r, 15_000));
console.log(`server RSS idle: ${rssMb(server.pid!)} MB 15 s after start (${justStarted} MB once started)`);

const compare: [string, string, string][] = [
  ['team list', `/api/v1/practices/${practiceId}/members`, `/bare/members/${practiceId}`],
  ['audit trail page (50)', `/api/v1/practices/${practiceId}/audit-trail?limit=50`, `/bare/audit/${practiceId}`],
  // A name search in the 100,000-patient index (each list is a read of each patient shown: its ids go into the audit entry).
  [
    'patient search (20 of 100,000)',
    `/api/v1/practices/${practiceId}/patients?q=martin&limit=20`,
    `/bare/patients/${practiceId}?key=martin`,
  ],
  [
    'open rights requests (50)',
    `/api/v1/practices/${practiceId}/rights-requests?open=true&limit=50`,
    `/bare/requests/${practiceId}`,
  ],
  ['breaches (50)', `/api/v1/practices/${practiceId}/breaches?limit=50`, `/bare/breaches/${practiceId}`],
];
let peak = 0;
// Both servers are warmed up on each path first (3 s, not counted): measured from cold, the first path paid for
// compiling Gardien's whole stack (its team list, measured first, came out 10-15 % below its later runs).
const warmUp = async (gPath: string, bPath: string) => {
  await run({ url: `http://127.0.0.1:3300${gPath}`, headers: auth, connections: 10, duration: 3 });
  await run({ url: `http://127.0.0.1:3399${bPath}`, connections: 10, duration: 3 });
};
for (const [label, gPath, bPath] of compare) {
  await warmUp(gPath, bPath);
  const g = await run({ url: `http://127.0.0.1:3300${gPath}`, headers: auth, connections: 10, duration: seconds });
  peak = Math.max(peak, rssMb(server.pid!));
  const b = await run({ url: `http://127.0.0.1:3399${bPath}`, connections: 10, duration: seconds });
  const non2xx = g.non2xx + g.errors;
  console.log(
    `${label}: Gardien ${fmt(g.requests.average)} req/s (p50 ${g.latency.p50} ms, p99 ${g.latency.p99} ms, ${non2xx} errors) | bare ${fmt(b.requests.average)} req/s (p50 ${b.latency.p50} ms, p99 ${b.latency.p99} ms) | ratio ${fmt((100 * g.requests.average) / b.requests.average)} %`,
  );
}
console.log(`server RSS under load: ${peak} MB`);

const mixed = [
  `/api/v1/practices/${practiceId}/members`,
  `/api/v1/practices/${practiceId}`,
  `/api/v1/practices/${practiceId}/audit-trail?limit=50`,
  '/api/v1/me',
  `/api/v1/practices/${practiceId}/patients?q=martin&limit=20`,
  `/api/v1/practices/${practiceId}/rights-requests?open=true&limit=50`,
  `/api/v1/practices/${practiceId}/breaches?limit=50`,
  `/api/v1/practices/${practiceId}/worklist`,
];
const fixedSeconds = Math.max(seconds * 3, 30);
const fixed = await fixedRate({
  base: 'http://127.0.0.1:3300',
  paths: mixed,
  headers: auth,
  rate: 50,
  seconds: fixedSeconds,
});
console.log(
  `fixed rate 50 req/s, mixed, ${fixedSeconds} s (open loop, latency from the due time): p50 ${fmt(fixed.p50, 1)} ms, p90 ${fmt(fixed.p90, 1)} ms, p95 ${fmt(fixed.p95, 1)} ms, p99 ${fmt(fixed.p99, 1)} ms, max ${fmt(fixed.max, 1)} ms, ${fixed.errors} errors`,
);
for (const [p, f] of fixed.byPath)
  console.log(
    `  ${p.replace(practiceId, ':practice')}: p50 ${fmt(f.p50, 1)} ms, p99 ${fmt(f.p99, 1)} ms, max ${fmt(f.max, 1)} ms`,
  );

if (soakSeconds > 0) {
  const samples: number[] = [];
  const soak = await fixedRate({
    base: 'http://127.0.0.1:3300',
    paths: mixed,
    headers: auth,
    rate: 50,
    seconds: soakSeconds,
    onSecond: (s) => s % 30 === 0 && samples.push(rssMb(server.pid!)),
  });
  samples.push(rssMb(server.pid!));
  console.log(
    `soak ${soakSeconds} s at 50 req/s: ${fmt(soak.sent)} requests, ${soak.errors} errors, p99 ${fmt(soak.p99, 1)} ms; RSS every 30 s: ${samples.join(', ')} MB (start ${samples[0]}, end ${samples.at(-1)}, min ${Math.min(...samples)}, max ${Math.max(...samples)})`,
  );
}
server.kill('SIGTERM');
bare.kill('SIGTERM');
