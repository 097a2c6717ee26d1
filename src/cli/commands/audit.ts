import { Command } from 'commander';
import { SERVER_CHAIN } from '../../server/modules/audit-trail/index.js';
import { EXIT, printJson } from '../io.js';

import { withDb, withRuntime, type DbOptions } from '../common.js';

/** audit: the tamper-evident audit trail. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit trail');
  withDb(audit.command('verify'))
    .description(
      'Recompute the hash chains and check the signed checkpoints. Exit 0 when intact, 1 naming the first bad entry.',
    )
    .option('--practice <id>', 'only this practice (default: every chain, including the server chain)')
    .action(async (opts: DbOptions & { practice?: string }) => {
      await withRuntime(opts, async (rt) => {
        const results = opts.practice
          ? [await rt.services.auditTrail.verifyChain(rt.services.db, opts.practice, rt.config.database)]
          : await rt.services.auditTrail.verifyAll(rt.services.db, rt.config.database);
        const bad = results.filter((r) => !r.ok);
        printJson({ ok: bad.length === 0, chains: results });
        for (const b of bad)
          process.stderr.write(
            `gardien: audit trail of ${b.practiceId} is NOT intact: first bad entry is seq ${b.firstBadSeq} (${b.problem})\n`,
          );
        if (bad.length) process.exitCode = EXIT.CHECK_FAILED;
      });
    });

  withDb(audit.command('checkpoint'))
    .description('Seal the current head of each chain with a signed checkpoint (run before exporting or backing up).')
    .option('--practice <id>', 'only this practice')
    .action(async (opts: DbOptions & { practice?: string }) => {
      await withRuntime(opts, async (rt) => {
        const ids = opts.practice
          ? [opts.practice]
          : [SERVER_CHAIN, ...(await rt.services.db.selectFrom('practices').select('id').execute()).map((p) => p.id)];
        const out: Record<string, number | null> = {};
        for (const id of ids) out[id] = await rt.services.auditTrail.checkpointNow(rt.services.db, id);
        printJson({ checkpoints: out });
      });
    });
}
