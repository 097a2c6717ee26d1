// Export of the full register (the seven dental templates, validated, plus a processor entry): the time to produce
// the PDF and the XLSX (and the other formats), first call (the document libraries load) and warm (median of 5).
//   npx tsx bench/register-export.ts [--database-url postgres://…]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { templates } from '../src/server/modules/register/index.js';
import { openRuntime } from '../src/server/runtime.js';
import { cliActor } from '../src/server/shared/actor.js';
import { arg, machine, timed } from './common.js';

const databaseUrl = process.argv.includes('--database-url') ? arg('database-url') : undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gardien-bench-register-'));
process.stdout.write(`# machine: ${machine()}\n# database ${databaseUrl ? 'PostgreSQL' : 'SQLite'}\n`);

const rt = await openRuntime(
  loadConfig({
    ...process.env,
    GARDIEN_DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    GARDIEN_BACKUP_DIR: 'off',
  }),
);
try {
  const actor = cliActor();
  const { practiceId } = await rt.services.practices.createPractice(actor, {
    name: 'Cabinet dentaire Étienne Lefèvre',
    owner: {
      email: `bench.${Date.now()}@example.fr`,
      name: 'Étienne Lefèvre',
      password: 'Sel-de-Guérande-42-Brioche!',
    },
  });
  for (const t of templates()) {
    const a = await rt.services.register.create(actor, practiceId, { templateKey: t.key });
    await rt.services.register.validate(actor, practiceId, a.id);
  }
  await rt.services.register.createProcessor(actor, practiceId, {
    clientName: 'Centre de santé',
    clientContact: '',
    clientRepresentative: '',
    clientDpo: '',
    categories: 'Lecture de radiographies',
    subProcessors: '',
    transfers: '',
    security: 'Poste chiffré',
  });
  process.stdout.write(`register: ${templates().length} activities (all validated) and 1 processor entry\n`);
  for (const format of ['pdf', 'xlsx', 'docx', 'csv', 'json'] as const) {
    const { first, cold, median, min, max } = await timed(() =>
      rt.services.register.export(actor, practiceId, format, 'fr'),
    );
    const size = typeof first.body === 'string' ? Buffer.byteLength(first.body) : first.body.length;
    process.stdout.write(
      `${format.toUpperCase().padEnd(4)} ${String(Math.round(cold)).padStart(5)} ms first (library loaded), ${String(Math.round(median)).padStart(4)} ms warm median (min ${Math.round(min)}, max ${Math.round(max)}), ${(size / 1024).toFixed(0)} KiB\n`,
    );
  }
  process.stdout.write(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
} finally {
  await rt.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
