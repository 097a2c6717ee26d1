/**
 * Generates the benchmark dataset into a data directory: practices with their teams; in the first practice 100,000
 * patients (imported from a CSV export through the real import), rights requests and breaches through the services;
 * and audit entries appended through the real audit trail (hash chain, checkpoints). Usage:
 *   npm run build && npx tsx bench/dataset.ts --data-dir /tmp/gardien-bench [--practices 10] [--members 30]
 *     [--patients 100000] [--requests 1000] [--breaches 50] [--audit 1000000]
 */
import fs from 'node:fs';
import { loadConfig } from '../src/server/config.js';
import { openRuntime } from '../src/server/runtime.js';
import { cliActor } from '../src/server/shared/actor.js';
import { arg, fmt, machine, patientCsv } from './common.js';
import { parisDate } from '../src/server/platform/clock.js';

const dataDir = arg('data-dir');
const practices = Number(arg('practices', '10'));
const members = Number(arg('members', '30'));
const audit = Number(arg('audit', '1000000'));
const patients = Number(arg('patients', '100000'));
const requests = Number(arg('requests', '1000'));
const breaches = Number(arg('breaches', '50'));
const PASSWORD = 'Sel-de-Guérande-42-Brioche!';

fs.rmSync(dataDir, { recursive: true, force: true });
const rt = await openRuntime(loadConfig({ ...process.env, GARDIEN_DATA_DIR: dataDir }));
const s = rt.services;
console.log(`machine: ${machine()}`);
console.log(`database: ${rt.database.dialect}`);
const t0 = Date.now();
const ids: string[] = [];
for (let p = 0; p < practices; p++) {
  const r = await s.practices.createPractice(cliActor(), {
    name: `Cabinet ${p + 1}`,
    owner: { email: `owner${p}@bench.example.fr`, name: `Titulaire ${p}`, password: PASSWORD },
  });
  ids.push(r.practiceId);
  for (let m = 0; m < (p === 0 ? members : 5); m++) {
    await s.team.addMember(cliActor(), r.practiceId, {
      email: `m${p}-${m}@bench.example.fr`,
      name: `Membre ${p}-${m}`,
      role: m % 3 === 0 ? 'practitioner' : 'assistant',
      initialPassword: PASSWORD,
    });
  }
}
console.log(
  `practices and teams: ${practices} practices, ${members + 5 * (practices - 1)} members, ${fmt((Date.now() - t0) / 1000, 1)} s`,
);

const tp = Date.now();
const imported = await s.patients.importCsv(cliActor(), ids[0]!, { csv: patientCsv(patients), dryRun: false });
console.log(`patients imported: ${fmt(imported.created)} in ${fmt((Date.now() - tp) / 1000, 1)} s`);

const tr = Date.now();
const kinds = ['access', 'rectification', 'erasure', 'objection', 'restriction', 'portability'] as const;
const today = parisDate(new Date());
for (let i = 0; i < requests; i++) {
  const received = parisDate(new Date(Date.now() - (i % 60) * 86_400_000));
  const r = await s.rightsRequests.create(cliActor(), ids[0]!, {
    kind: kinds[i % kinds.length]!,
    receivedOn: received,
    channel: 'letter',
    requester: { name: `Demandeur ${i}`, relation: 'self' },
  });
  if (i % 3 === 0) {
    const proposal = (await s.rightsRequests.get(cliActor(), ids[0]!, r.id)).proposal!;
    const items = proposal.items
      .filter((it) => it.effect === null)
      .map(({ subject, verdict, ground }) => ({ subject, verdict, ground }));
    if (items.length > 0)
      await s.requestAnswers.decide(cliActor(), ids[0]!, r.id, { on: today, items, language: 'fr' });
  }
}
for (let i = 0; i < breaches; i++) {
  const b = await s.breaches.report(
    cliActor(),
    ids[0]!,
    {
      title: `Incident ${i + 1}`,
      awareAt: new Date(Date.now() - (i + 1) * 7 * 86_400_000).toISOString(),
      nature: ['confidentiality'],
      circumstances: ['wrong_recipient'],
      dataCategories: ['identity', 'health'],
      approxPeople: 1 + (i % 40),
    },
    'fr',
  );
  await s.breaches.assess(cliActor(), ids[0]!, b.id, {
    dpcCategory: 'sensitive',
    dpcScore: 1 + (i % 4),
    ease: 'limited',
    confidentiality: 'known_recipients',
    integrity: 'none',
    availability: 'none',
    malicious: false,
  });
  if (i % 2 === 0)
    await s.breaches.decide(cliActor(), ids[0]!, b.id, {
      decision: 'record_only',
      reason: 'Destinataire de confiance, message supprimé et attesté',
    });
}
console.log(
  `requests and breaches: ${fmt(requests)} requests, ${fmt(breaches)} breaches in ${fmt((Date.now() - tr) / 1000, 1)} s`,
);

const t1 = Date.now();
const ctx = { actorId: 'usr_benchmark', actorRole: 'assistant', requestId: null, ip: '127.0.0.1' };
const BATCH = 5000;
let done = 0;
while (done < audit) {
  const n = Math.min(BATCH, audit - done);
  await s.db.transaction().execute(async (tx) => {
    for (let i = 0; i < n; i++) {
      // 80 % of the trail in the first practice: the worst case for its verification.
      const practiceId = (done + i) % 5 === 0 ? ids[(done + i) % ids.length]! : ids[0]!;
      await s.auditTrail.append(
        tx,
        { practiceId, action: 'member.listed', targetType: 'practice', targetId: practiceId, details: { count: 30 } },
        ctx,
      );
    }
  });
  done += n;
  if (done % 100_000 === 0 || done === audit) process.stderr.write(`audit entries: ${fmt(done)} / ${fmt(audit)}\n`);
}
const secs = (Date.now() - t1) / 1000;
console.log(
  `audit entries appended: ${fmt(audit)} in ${fmt(secs, 1)} s (${fmt(audit / secs)} per second, batches of ${BATCH})`,
);
console.log(`first practice: ${ids[0]}`);
fs.writeFileSync(
  `${dataDir}/bench.json`,
  JSON.stringify({ practiceId: ids[0], ownerEmail: 'owner0@bench.example.fr' }),
);
await rt.close();
