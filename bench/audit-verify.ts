/**
 * Audit-trail verification of the dataset's largest chain, beside bare chained SHA-256 over the same entries already in
 * memory (the floor: no database read, no checks), in this process and through the built command. Prints figures;
 * asserts nothing. Run `npm run build` first.
 *   npx tsx bench/audit-verify.ts --data-dir /tmp/gardien-bench
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { openRuntime } from '../src/server/runtime.js';
import { encodeEntry } from '../src/server/modules/audit-trail/audit-trail.rules.js';
import { entryFields } from '../src/server/modules/audit-trail/audit-trail.repository.js';
import { arg, fmt, machine, root } from './common.js';

const dataDir = arg('data-dir');
const { practiceId } = JSON.parse(fs.readFileSync(path.join(dataDir, 'bench.json'), 'utf8')) as { practiceId: string };
const rt = await openRuntime(loadConfig({ ...process.env, GARDIEN_DATA_DIR: dataDir }));
console.log(`machine: ${machine()}`);
const rows = await rt.services.db
  .selectFrom('audit_entries')
  .selectAll()
  .where('practice_id', '=', practiceId)
  .orderBy('seq')
  .execute();
const encoded = rows.map((r) => encodeEntry(entryFields(r)));
const t0 = process.hrtime.bigint();
let prev = '0'.repeat(64);
for (const e of encoded)
  prev = createHash('sha256')
    .update(prev + e)
    .digest('hex');
const bareMs = Number(process.hrtime.bigint() - t0) / 1e6;
const t1 = process.hrtime.bigint();
const result = await rt.services.auditTrail.verifyChain(rt.services.db, practiceId, rt.config.database);
const verifyMs = Number(process.hrtime.bigint() - t1) / 1e6;
console.log(`entries in the chain: ${fmt(result.entries)}, intact: ${result.ok}, checkpoints: ${result.checkpoints}`);
console.log(`bare chained SHA-256 (entries in memory): ${fmt(bareMs)} ms`);
console.log(
  `gardien audit verification (worker threads on ${os.availableParallelism()} cores read the database in pages, recompute every hash, check links; then head and signatures): ${fmt(verifyMs)} ms`,
);
console.log(`ratio: ${fmt(verifyMs / bareMs, 2)}×`);
await rt.close();
// As a user runs it: the built command through its shebang (the server's V8 flags: a small young generation, which
// costs the workers' short strings more collections), process start included.
const t2 = process.hrtime.bigint();
const cli = spawnSync(
  path.join(root, 'bin/gardien.js'),
  ['audit', 'verify', '--data-dir', dataDir, '--practice', practiceId],
  { encoding: 'utf8' },
);
const cliMs = Number(process.hrtime.bigint() - t2) / 1e6;
const cliOk = cli.status === 0 && (JSON.parse(cli.stdout) as { ok: boolean }).ok;
console.log(
  `npx gardien audit verify --practice (built, start included): ${fmt(cliMs)} ms, intact: ${cliOk}; ratio: ${fmt(cliMs / bareMs, 2)}×`,
);
