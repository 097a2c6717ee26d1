// CSV import of 100,000 patients (target: ≤ 5 s), on a fresh database: the real import (parse, per-line validation,
// one transaction, one audit entry) through the services, as the CLI runs it. Prints the figures.
//   npx tsx bench/patient-import.ts [--patients 100000] [--database-url postgres://…]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openRuntime } from '../src/server/runtime.js';
import { loadConfig } from '../src/server/config.js';
import { cliActor } from '../src/server/shared/actor.js';
import { arg, machine, patientCsv } from './common.js';

const count = Number(arg('patients', '100000'));
const databaseUrl = process.argv.includes('--database-url') ? arg('database-url') : undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gardien-bench-import-'));

const csv = patientCsv(count);
process.stdout.write(
  `# machine: ${machine()}\n# ${count.toLocaleString('en')} patients, CSV ${(csv.length / 2 ** 20).toFixed(1)} MiB, database ${databaseUrl ? 'PostgreSQL' : 'SQLite'}\n`,
);

const rt = await openRuntime(
  loadConfig({
    ...process.env,
    GARDIEN_DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    GARDIEN_BACKUP_DIR: 'off',
  }),
);
try {
  const { practiceId } = await rt.services.practices.createPractice(cliActor(), {
    name: 'Cabinet Bench',
    owner: { email: `bench.${Date.now()}@example.fr`, name: 'Bench', password: 'Sel-de-Guérande-42-Brioche!' },
  });
  const t0 = performance.now();
  const dry = await rt.services.patients.importCsv(cliActor(), practiceId, { csv, dryRun: true });
  const t1 = performance.now();
  const real = await rt.services.patients.importCsv(cliActor(), practiceId, { csv, dryRun: false });
  const t2 = performance.now();
  const again = await rt.services.patients.importCsv(cliActor(), practiceId, { csv, dryRun: false });
  const t3 = performance.now();
  const ms = (a: number, b: number) => `${Math.round(b - a).toLocaleString('en')} ms`;
  process.stdout.write(`dry run (parse + check ${dry.valid.toLocaleString('en')} lines): ${ms(t0, t1)}\n`);
  process.stdout.write(
    `import (${real.created.toLocaleString('en')} created, one transaction): ${ms(t1, t2)} (${Math.round(real.created / ((t2 - t1) / 1000)).toLocaleString('en')} patients/s) — target ≤ 5,000 ms\n`,
  );
  process.stdout.write(
    `re-import of the same export (${again.updated.toLocaleString('en')} updated, ${again.unchanged.toLocaleString('en')} unchanged): ${ms(t2, t3)}\n`,
  );
  process.stdout.write(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
} finally {
  await rt.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
