import type { AuditVerification } from '../../../contracts/audit-trail.js';
import type { AuditKeys } from '../../platform/crypto/key-file.js';
import type { Clock } from '../../platform/clock.js';
import type { DatabaseTarget, Db, Executor } from '../../platform/db/database.js';
import type { AuditAction, AuditOutcome } from './audit-trail.catalogue.js';
import { verifyRangeInWorkers } from './audit-trail.parallel-verify.js';
import * as repo from './audit-trail.repository.js';
import {
  canonicalJson,
  ChainVerifier,
  checkpointSignatureValid,
  hashEntry,
  signCheckpoint,
  wellFormed,
  type ChainedFields,
} from './audit-trail.rules.js';

/** Who did it and from where: filled from the actor and the request, never from user input. */
export interface AuditContext {
  actorId: string;
  actorRole: string;
  requestId: string | null;
  ip: string | null;
}

export interface AppendInput {
  practiceId: string;
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  outcome?: AuditOutcome;
  /** Small, non-clinical facts (ids, field names, counts). Never health content, never secrets. */
  details?: Record<string, unknown>;
}

export interface AuditTrailDeps {
  keys: AuditKeys;
  clock: Clock;
  checkpointEvery: number;
  /** Chains of at least this many entries are checked by worker threads first (verifyChain); 50,000 unless set. */
  parallelVerifyFrom?: number;
}

const PAGE_SIZE = 5000;

/** Appends to and verifies the tamper-evident trail. `append` always runs inside the caller's transaction. */
export class AuditTrail {
  constructor(private readonly deps: AuditTrailDeps) {}

  async append(tx: Executor, input: AppendInput, ctx: AuditContext): Promise<{ seq: number; hash: string }> {
    const [done] = await this.appendMany(tx, [{ input, ctx }]);
    return done!;
  }

  /**
   * Appends several entries in the caller's transaction (the group commit of reads): per chain, the sequence numbers
   * are claimed once, the entries hashed one after the other in memory and written in one statement, and the head
   * moved once. The result is the same chain as appending them one by one, in the order given.
   */
  async appendMany(
    tx: Executor,
    entries: { input: AppendInput; ctx: AuditContext }[],
  ): Promise<{ seq: number; hash: string }[]> {
    const results = new Array<{ seq: number; hash: string }>(entries.length);
    const byChain = new Map<string, number[]>();
    entries.forEach((e, i) => {
      const mine = byChain.get(e.input.practiceId);
      if (mine) mine.push(i);
      else byChain.set(e.input.practiceId, [i]);
    });
    for (const [practiceId, indexes] of byChain) {
      const { firstSeq, prevHash: before } = await repo.claimSeqs(tx, practiceId, indexes.length);
      let prevHash = before;
      const rows: repo.AuditEntryRow[] = [];
      const checkpoints: { seq: number; hash: string }[] = [];
      indexes.forEach((index, k) => {
        const { input, ctx } = entries[index]!;
        const seq = firstSeq + k;
        const fields: ChainedFields = {
          practiceId,
          seq,
          ts: this.deps.clock.now().toISOString(),
          actorId: wellFormed(ctx.actorId),
          actorRole: wellFormed(ctx.actorRole),
          action: input.action,
          targetType: wellFormed(input.targetType),
          targetId: input.targetId == null ? null : wellFormed(input.targetId),
          outcome: input.outcome ?? 'success',
          requestId: ctx.requestId === null ? null : wellFormed(ctx.requestId),
          ip: ctx.ip === null ? null : wellFormed(ctx.ip),
          details: canonicalJson(input.details ?? {}),
          prevHash,
        };
        const hash = hashEntry(fields);
        rows.push(repo.entryRow(fields, hash));
        if (seq % this.deps.checkpointEvery === 0) checkpoints.push({ seq, hash });
        results[index] = { seq, hash };
        prevHash = hash;
      });
      await repo.insertEntries(tx, rows);
      for (const c of checkpoints) await this.writeCheckpoint(tx, practiceId, c.seq, c.hash);
    }
    return results;
  }

  private async writeCheckpoint(tx: Executor, practiceId: string, seq: number, hash: string): Promise<void> {
    const ts = this.deps.clock.now().toISOString();
    const signature = signCheckpoint({ practiceId, seq, hash, ts }, this.deps.keys.auditSigningKey);
    await repo.insertCheckpoint(tx, {
      practice_id: practiceId,
      seq,
      hash,
      ts,
      key_id: this.deps.keys.auditKeyId,
      signature,
    });
  }

  /** Seals the current head of a chain with a signed checkpoint (CLI `audit checkpoint`, and before a backup). */
  async checkpointNow(db: Db, practiceId: string): Promise<number | null> {
    return db.transaction().execute(async (tx) => {
      const head = await repo.getHead(tx, practiceId);
      if (!head || head.lastSeq === 0) return null;
      if (await repo.hasCheckpoint(tx, practiceId, head.lastSeq)) return head.lastSeq;
      await this.writeCheckpoint(tx, practiceId, head.lastSeq, head.lastHash);
      return head.lastSeq;
    });
  }

  /**
   * Recomputes one chain from its first entry and checks its head and signed checkpoints. `readFrom`, when given, is
   * where `db` lives: a long chain is then first checked by worker threads with their own connections, each hashing
   * a slice on a core of its own (1.45 million entries: 22 s entry by entry, 6.5 s on two cores: bench/README.md).
   * Only an intact chain is accepted that way; anything else, or workers that cannot run, and the chain is verified
   * here entry by entry, which alone says what is wrong and where.
   */
  async verifyChain(db: Executor, practiceId: string, readFrom?: DatabaseTarget): Promise<AuditVerification> {
    // One snapshot for what bounds the check: the checkpoints, the head, and the highest seq stored. Entries are then
    // read up to the head, in that snapshot or not (they never change, and the ones appended meanwhile are not
    // looked at), so a verification need not hold a transaction while it reads a million of them.
    const bounds = async (ex: Executor) => ({
      checkpoints: await repo.findCheckpoints(ex, practiceId),
      head: await repo.getHead(ex, practiceId),
      lastStored: await repo.maxSeq(ex, practiceId),
    });
    const { checkpoints, head, lastStored } = db.isTransaction
      ? await bounds(db)
      : await db.transaction().setIsolationLevel('repeatable read').execute(bounds);
    const verifier = new ChainVerifier(new Set(checkpoints.map((c) => c.seq)));
    const { auditPublicKey, auditKeyId } = this.deps.keys;
    // The signatures are checked on the thread pool while the entries are read and hashed, handed over a few hundred at
    // a time: the 16,000 of a chain of 1.6 million entries took the event loop 0.3 s to hand over at once.
    const signatures = (async () => {
      const valid: Promise<boolean>[] = [];
      for (let i = 0; i < checkpoints.length; i += 500) {
        if (i > 0) await new Promise((r) => setImmediate(r));
        for (const c of checkpoints.slice(i, i + 500))
          valid.push(
            c.key_id === auditKeyId
              ? checkpointSignatureValid(
                  { practiceId, seq: c.seq, hash: c.hash, ts: c.ts },
                  c.signature,
                  auditPublicKey,
                )
              : Promise.resolve(false),
          );
      }
      return Promise.all(valid);
    })();
    const upTo = head?.lastSeq ?? lastStored ?? 0;
    const inWorkers =
      readFrom && head && lastStored === head.lastSeq && head.lastSeq >= (this.deps.parallelVerifyFrom ?? 50_000)
        ? await this.checkInWorkers(
            readFrom,
            practiceId,
            head,
            checkpoints.map((c) => c.seq),
            verifier,
          )
        : false;
    if (!inWorkers) {
      for await (const page of repo.streamEntryPages(db, practiceId, PAGE_SIZE, upTo)) {
        for (const r of page) verifier.add(repo.entryFields(r));
      }
    }
    verifier.checkHead(head, lastStored ?? 0);
    const valid = await signatures;
    checkpoints.forEach((c, i) =>
      verifier.checkCheckpoint(
        { practiceId, seq: c.seq, hash: c.hash, ts: c.ts, signature: c.signature, keyId: c.key_id },
        auditPublicKey,
        auditKeyId,
        valid[i],
      ),
    );
    return {
      practiceId,
      ok: verifier.ok,
      entries: verifier.count,
      lastSeq: verifier.lastSeq,
      lastHash: verifier.lastHash,
      checkpoints: checkpoints.length,
      lastCheckpointSeq: checkpoints.at(-1)?.seq ?? null,
      firstBadSeq: verifier.firstBadSeq,
      problem: verifier.problem,
    };
  }

  /** True when workers found entries 1..head intact: the verifier is then fed their result. */
  private async checkInWorkers(
    target: DatabaseTarget,
    practiceId: string,
    head: { lastSeq: number; lastHash: string },
    checkpointSeqs: number[],
    verifier: ChainVerifier,
  ): Promise<boolean> {
    if (target.kind === 'sqlite' && (target.file === ':memory:' || target.file === '')) return false;
    const keepHashesFor = checkpointSeqs.filter((s) => s <= head.lastSeq);
    const sql = repo.encodedPageSql(target.kind, PAGE_SIZE);
    const check = await verifyRangeInWorkers({
      target,
      sql,
      pageSize: PAGE_SIZE,
      practiceId,
      lastSeq: head.lastSeq,
      keepHashesFor,
    }).catch(() => null);
    if (!check?.intact || check.lastHash !== head.lastHash) return false;
    verifier.addVerified(head.lastSeq, check.lastHash, check.hashes);
    return true;
  }

  async verifyAll(db: Executor, readFrom?: DatabaseTarget): Promise<AuditVerification[]> {
    const out: AuditVerification[] = [];
    for (const id of await repo.findChainIds(db)) out.push(await this.verifyChain(db, id, readFrom));
    return out;
  }

  findEntries(db: Executor, practiceId: string, filter: repo.EntryFilter) {
    return repo.findEntries(db, practiceId, filter);
  }
}
