// Processors at a large practice's scale (200 of them, issue 20): the list through Gardien (token, permission, audit
// entry, statuses and issues computed per processor) against a bare route running the same SQL on the same file, and
// the register's export with the 200 processors in it (PDF, DOCX, XLSX), first call and warm median of five.
//   npm run build && npx tsx bench/processors.ts [--processors 200] [--seconds 5]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { CLAUSES, PROCESSOR_KINDS } from '../src/contracts/processors.js';
import { loadConfig } from '../src/server/config.js';
import { templates } from '../src/server/modules/register/index.js';
import { openRuntime } from '../src/server/runtime.js';
import { cliActor } from '../src/server/shared/actor.js';
import { arg, fmt, machine, root, rssMb, startBare, startGardien, timed, waitFor } from './common.js';

const count = Number(arg('processors', '200'));
const seconds = Number(arg('seconds', '5'));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gardien-bench-processors-'));
const ownerEmail = `bench.${Date.now()}@example.fr`;
console.log(`machine: ${machine()}`);

const rt = await openRuntime(loadConfig({ ...process.env, GARDIEN_DATA_DIR: dataDir, GARDIEN_BACKUP_DIR: 'off' }));
const actor = cliActor();
const { practiceId } = await rt.services.practices.createPractice(actor, {
  name: 'Centre dentaire des Quatre Vents',
  owner: { email: ownerEmail, name: 'Étienne Lefèvre', password: 'Sel-de-Guérande-42-Brioche!' },
});
const activityIds: string[] = [];
for (const t of templates()) {
  const a = await rt.services.register.create(actor, practiceId, { templateKey: t.key });
  activityIds.push(a.id);
}
const pdfTimes = async () => {
  const warm: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    await rt.services.register.export(actor, practiceId, 'pdf', 'fr');
    warm.push(performance.now() - t);
  }
  return warm.slice(1).sort((a, b) => a - b)[2]!;
};
console.log(
  `register PDF with no processor (the baseline on this machine, now): ${fmt(await pdfTimes())} ms warm median`,
);
const countries = ['FR', 'DE', 'IE', 'US', 'CH', 'GB', 'NL', 'CN'];
for (let i = 0; i < count; i++) {
  const kind = PROCESSOR_KINDS[i % PROCESSOR_KINDS.length]!;
  await rt.services.processors.create(actor, practiceId, {
    name: `Prestataire ${String(i + 1).padStart(3, '0')} — ${kind}`,
    kind,
    handlesHealthData: i % 3 !== 0,
    storage: { country: countries[i % countries.length]!, transferMechanism: i % 2 ? 'scc' : null },
    hds: i % 4 ? { certificateNumber: `HDS-${i}`, referential: i % 5 ? 'v2' : 'v1', expiresOn: '2027-03-01' } : {},
    contract: {
      signedOn: '2025-06-01',
      clauses: Object.fromEntries(CLAUSES.map((c, j) => [c, (i + j) % 7 ? 'present' : 'missing'])),
      breachNoticeHours: 48,
    },
    subProcessors: [{ name: 'Hébergeur', country: 'FR', purpose: 'Hébergement' }],
    activityIds: [activityIds[i % activityIds.length]!],
    services: 'Prestation de service pour le cabinet, avec accès aux données des patients.',
  });
}
console.log(`dataset: 1 practice, ${templates().length} register activities, ${count} processors`);

for (const format of ['pdf', 'docx', 'xlsx'] as const) {
  const { first, cold, median, min, max } = await timed(() =>
    rt.services.register.export(actor, practiceId, format, 'fr'),
  );
  const size = typeof first.body === 'string' ? Buffer.byteLength(first.body) : first.body.length;
  console.log(
    `register ${format.toUpperCase()} with ${count} processors: ${fmt(cold)} ms first, ${fmt(median)} ms warm median (min ${fmt(min)}, max ${fmt(max)}), ${fmt(size / 1024)} KiB`,
  );
}
for (const format of ['pdf', 'xlsx', 'csv'] as const) {
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await rt.services.processorDocuments.exportList(actor, practiceId, format, 'fr');
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  console.log(`processor list ${format.toUpperCase()}: ${fmt(warm[2]!)} ms warm median`);
}
await rt.close();

const token = spawnSync(
  path.join(root, 'bin/gardien.js'),
  ['token', 'create', '--data-dir', dataDir, '--practice', practiceId, '--email', ownerEmail, '--name', 'bench'],
  { env: { ...process.env, GARDIEN_CLI_MAIN: '1' }, encoding: 'utf8' },
).stdout.trim();
if (!token.startsWith('gardien_')) throw new Error('could not create a token');

const server = startGardien(dataDir, 3310);
const bare = startBare(dataDir, 3398);
try {
  await waitFor('http://127.0.0.1:3310/api/health');
  await waitFor('http://127.0.0.1:3398/health');
  const run = (opts: autocannon.Options) =>
    new Promise<autocannon.Result>((resolve, reject) =>
      autocannon(opts, (err, res) =>
        err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res),
      ),
    );
  const g = {
    url: `http://127.0.0.1:3310/api/v1/practices/${practiceId}/processors`,
    headers: { authorization: `Bearer ${token}` },
  };
  const b = { url: `http://127.0.0.1:3398/bare/processors/${practiceId}` };
  await run({ ...g, connections: 10, duration: 3 });
  await run({ ...b, connections: 10, duration: 3 });
  const gr = await run({ ...g, connections: 10, duration: seconds });
  const rss = rssMb(server.pid!);
  const br = await run({ ...b, connections: 10, duration: seconds });
  console.log(
    `processor list (${count}): Gardien ${fmt(gr.requests.average)} req/s (p50 ${gr.latency.p50} ms, p99 ${gr.latency.p99} ms, ${gr.non2xx + gr.errors} errors) | bare ${fmt(br.requests.average)} req/s (p50 ${br.latency.p50} ms, p99 ${br.latency.p99} ms) | ratio ${fmt((100 * gr.requests.average) / br.requests.average)} % | server RSS ${rss} MB`,
  );
} finally {
  server.kill('SIGTERM');
  bare.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
