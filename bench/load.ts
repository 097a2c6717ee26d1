/**
 * Load benchmarks against a running server on the dataset of bench/dataset.ts. Prints figures; asserts nothing.
 *   npm run build && npx tsx bench/load.ts --data-dir /tmp/gardien-bench [--seconds 10] [--soak-seconds 600]
 * 1. throughput of the authenticated, permission-checked, audited list endpoints against a bare route running the
 *    same SQL on the same file (the cost of Gardien's own layers);
 * 2. a fixed rate of 50 requests/s, mixed (team, practice, trail, me, patient search, requests, breaches, to-do list), with p95/p99 (autocannon corrects for coordinated omission);
 * 3. cold start to the first 200;
 * 4. with --soak-seconds, a soak at 50 requests/s with the server's RSS sampled from start to end.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { arg, fmt, machine, root, rssMb, startGardien, waitFor } from './common.js';

const dataDir = arg('data-dir');
const seconds = Number(arg('seconds', '10'));
const soakSeconds = Number(arg('soak-seconds', '0'));
const { practiceId, ownerEmail } = JSON.parse(fs.readFileSync(path.join(dataDir, 'bench.json'), 'utf8')) as { practiceId: string; ownerEmail: string };
const token = spawnSync(process.execPath, [path.join(root, 'bin/gardien.js'), 'token', 'create', '--data-dir', dataDir, '--practice', practiceId, '--email', ownerEmail, '--name', `bench ${Date.now()}`], { env: { ...process.env, GARDIEN_CLI_MAIN: '1' }, encoding: 'utf8' }).stdout.trim();
if (!token.startsWith('gardien_')) throw new Error('could not create a token');
const auth = { authorization: `Bearer ${token}` };

console.log(`machine: ${machine()}`);
const run = (opts: autocannon.Options) => new Promise<autocannon.Result>((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));

// Cold start: process start to the first 200 on /api/health, median of 5.
const starts: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = process.hrtime.bigint();
  const c = startGardien(dataDir, 3301);
  await waitFor('http://127.0.0.1:3301/api/health');
  starts.push(Number(process.hrtime.bigint() - t) / 1e6);
  c.kill('SIGTERM');
  await new Promise((r) => c.once('exit', r));
}
starts.sort((a, b) => a - b);
console.log(`cold start to first 200: median ${fmt(starts[2]!)} ms (min ${fmt(starts[0]!)}, max ${fmt(starts[4]!)})`);

const server = startGardien(dataDir, 3300);
const bare = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/bare-server.ts'), '--data-dir', dataDir, '--port', '3399'], { stdio: ['ignore', 'ignore', 'inherit'] });
await waitFor('http://127.0.0.1:3300/api/health');
await waitFor('http://127.0.0.1:3399/health');
console.log(`server RSS idle: ${rssMb(server.pid!)} MB`);

const compare: [string, string, string][] = [
  ['team list', `/api/v1/practices/${practiceId}/members`, `/bare/members/${practiceId}`],
  ['audit trail page (50)', `/api/v1/practices/${practiceId}/audit-trail?limit=50`, `/bare/audit/${practiceId}`],
  // A name search in the 100,000-patient index (each list is a read of each patient shown: its ids go into the audit entry).
  ['patient search (20 of 100,000)', `/api/v1/practices/${practiceId}/patients?q=martin&limit=20`, `/bare/patients/${practiceId}?key=martin`],
  ['open rights requests (50)', `/api/v1/practices/${practiceId}/rights-requests?open=true&limit=50`, `/bare/requests/${practiceId}`],
  ['breaches (50)', `/api/v1/practices/${practiceId}/breaches?limit=50`, `/bare/breaches/${practiceId}`],
];
let peak = 0;
for (const [label, gPath, bPath] of compare) {
  const g = await run({ url: `http://127.0.0.1:3300${gPath}`, headers: auth, connections: 10, duration: seconds });
  peak = Math.max(peak, rssMb(server.pid!));
  const b = await run({ url: `http://127.0.0.1:3399${bPath}`, connections: 10, duration: seconds });
  const non2xx = g.non2xx + g.errors;
  console.log(`${label}: Gardien ${fmt(g.requests.average)} req/s (p50 ${g.latency.p50} ms, p99 ${g.latency.p99} ms, ${non2xx} errors) | bare ${fmt(b.requests.average)} req/s (p50 ${b.latency.p50} ms, p99 ${b.latency.p99} ms) | ratio ${fmt((100 * g.requests.average) / b.requests.average)} %`);
}
console.log(`server RSS under load: ${peak} MB`);

const mixed = [
  { method: 'GET' as const, path: `/api/v1/practices/${practiceId}/members`, headers: auth },
  { method: 'GET' as const, path: `/api/v1/practices/${practiceId}`, headers: auth },
  { method: 'GET' as const, path: `/api/v1/practices/${practiceId}/audit-trail?limit=50`, headers: auth },
  { method: 'GET' as const, path: '/api/v1/me', headers: auth },
  { method: 'GET' as const, path: `/api/v1/practices/${practiceId}/patients?q=martin&limit=20`, headers: auth },
  { method: 'GET' as const, path: `/api/v1/practices/${practiceId}/rights-requests?open=true&limit=50`, headers: auth },
  { method: 'GET' as const, path: `/api/v1/practices/${practiceId}/breaches?limit=50`, headers: auth },
  { method: 'GET' as const, path: `/api/v1/practices/${practiceId}/worklist`, headers: auth },
];
const fixed = await run({ url: 'http://127.0.0.1:3300', requests: mixed, connections: 10, overallRate: 50, duration: Math.max(seconds * 3, 30) });
console.log(`fixed rate 50 req/s, mixed, ${Math.max(seconds * 3, 30)} s: p50 ${fixed.latency.p50} ms, p90 ${fixed.latency.p90} ms, p97.5 ${fixed.latency.p97_5} ms, p99 ${fixed.latency.p99} ms, max ${fixed.latency.max} ms, ${fixed.non2xx + fixed.errors} errors (autocannon reports p90/p97.5/p99; p95 lies between p90 and p97.5)`);

if (soakSeconds > 0) {
  const samples: number[] = [rssMb(server.pid!)];
  const timer = setInterval(() => samples.push(rssMb(server.pid!)), 30_000);
  const soak = await run({ url: 'http://127.0.0.1:3300', requests: mixed, connections: 10, overallRate: 50, duration: soakSeconds });
  clearInterval(timer);
  samples.push(rssMb(server.pid!));
  console.log(`soak ${soakSeconds} s at 50 req/s: ${fmt(soak.requests.total)} requests, ${soak.non2xx + soak.errors} errors, p99 ${soak.latency.p99} ms; RSS start ${samples[0]} MB, end ${samples.at(-1)} MB, min ${Math.min(...samples)} MB, max ${Math.max(...samples)} MB`);
}
server.kill('SIGTERM');
bare.kill('SIGTERM');
