import { createHash, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  practiceId: string;
  seq: number;
  ts: string;
  actorId: string;
  actorRole: string;
  action: string;
  targetType: string;
  targetId: string | null;
  outcome: string;
  requestId: string | null;
  ip: string | null;
  /** Canonical JSON text, stored exactly as hashed. */
  details: string;
  prevHash: string;
}

const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * The text as the database will give it back: a lone UTF-16 surrogate (valid in a JS string, not in UTF-8) is stored
 * as U+FFFD, so an entry hashed with it would never verify again. Entries are hashed over this form.
 */
export const wellFormed = (s: string): string => (LONE_SURROGATE.test(s) ? Buffer.from(s, 'utf8').toString('utf8') : s);

/** JSON with object keys sorted at every level: one text for one value, whatever the insertion order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The bytes an entry is hashed over: a fixed-order JSON array, so two different entries never share an encoding
 * (unlike plain concatenation), and every value is a string, an integer or null, so it reads back identically
 * from SQLite and PostgreSQL, before and after a restart.
 */
export function encodeEntry(f: ChainedFields): string {
  return JSON.stringify([
    ENCODING_TAG,
    f.practiceId,
    f.seq,
    f.ts,
    f.actorId,
    f.actorRole,
    f.action,
    f.targetType,
    f.targetId,
    f.outcome,
    f.requestId,
    f.ip,
    f.details,
    f.prevHash,
  ]);
}

export const ENCODING_TAG = 'gardien-audit-v1';

/** The fields of encodeEntry in their order after the tag, for an encoding built elsewhere (by the database). */
export const ENCODED_FIELDS = [
  'practiceId',
  'seq',
  'ts',
  'actorId',
  'actorRole',
  'action',
  'targetType',
  'targetId',
  'outcome',
  'requestId',
  'ip',
  'details',
  'prevHash',
] as const satisfies readonly (keyof ChainedFields)[];

export const hashEntry = (f: ChainedFields): string => createHash('sha256').update(encodeEntry(f)).digest('hex');

export interface CheckpointFields {
  practiceId: string;
  seq: number;
  hash: string;
  ts: string;
}

const checkpointMessage = (c: CheckpointFields): Buffer =>
  Buffer.from(JSON.stringify(['gardien-checkpoint-v1', c.practiceId, c.seq, c.hash, c.ts]));

export const signCheckpoint = (c: CheckpointFields, key: KeyObject): string =>
  edSign(null, checkpointMessage(c), key).toString('base64');

export function isCheckpointSignatureValid(c: CheckpointFields, signature: string, publicKey: KeyObject): boolean {
  try {
    return edVerify(null, checkpointMessage(c), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The same check on libuv's thread pool, beside the main thread: a chain of a million entries carries ten thousand
 * checkpoints, whose signatures were a tenth of its verification when checked one after the other.
 */
export function checkpointSignatureValid(
  c: CheckpointFields,
  signature: string,
  publicKey: KeyObject,
): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      edVerify(null, checkpointMessage(c), publicKey, Buffer.from(signature, 'base64'), (err, ok) =>
        resolve(!err && ok),
      );
    } catch {
      resolve(false);
    }
  });
}

/** Incremental verifier: feed entries in seq order, then the head and the checkpoints. Reports the first bad entry. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private readonly hashes = new Map<number, string>();
  firstBadSeq: number | null = null;
  problem: string | null = null;
  count = 0;

  constructor(private readonly keepHashesFor: ReadonlySet<number>) {}

  private fail(seq: number, problem: string): void {
    if (this.firstBadSeq === null || seq < this.firstBadSeq) {
      this.firstBadSeq = seq;
      this.problem = problem;
    }
  }

  get ok(): boolean {
    return this.firstBadSeq === null;
  }

  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  get lastHash(): string | null {
    return this.count === 0 ? null : this.prevHash;
  }

  add(entry: ChainedFields & { hash: string }): void {
    this.count++;
    if (this.firstBadSeq !== null) return;
    if (entry.seq !== this.expectedSeq) {
      this.fail(
        Math.min(entry.seq, this.expectedSeq),
        entry.seq > this.expectedSeq ? 'missing entry (sequence gap)' : 'duplicate or reordered entry',
      );
      return;
    }
    if (entry.prevHash !== this.prevHash) {
      this.fail(entry.seq, 'chain broken: previous hash does not match');
      return;
    }
    if (hashEntry(entry) !== entry.hash) {
      this.fail(entry.seq, 'entry altered: hash does not match its content');
      return;
    }
    if (this.keepHashesFor.has(entry.seq)) this.hashes.set(entry.seq, entry.hash);
    this.prevHash = entry.hash;
    this.expectedSeq++;
  }

  /**
   * Entries 1..lastSeq checked elsewhere (verifyRangeInWorkers: every hash, link and sequence number), taken as if fed
   * here one by one; `hashes` holds the hash of each entry this verifier keeps (its checkpoints' seqs).
   */
  addVerified(lastSeq: number, lastHash: string, hashes: ReadonlyMap<number, string>): void {
    if (this.count !== 0) throw new Error('addVerified: the verifier has already been fed entries');
    this.count = lastSeq;
    this.expectedSeq = lastSeq + 1;
    this.prevHash = lastHash;
    for (const [seq, hash] of hashes) if (this.keepHashesFor.has(seq)) this.hashes.set(seq, hash);
  }

  /**
   * The head row written with each append: a tail removed without rewriting the head is caught here. `lastStoredSeq`
   * is the highest seq stored, read with the head, for entries fed only up to the head.
   */
  checkHead(head: { lastSeq: number; lastHash: string } | undefined, lastStoredSeq: number = this.lastSeq): void {
    if (this.firstBadSeq !== null || !head) return;
    if (head.lastSeq > this.lastSeq)
      this.fail(this.lastSeq + 1, 'tail truncated: entries after the last present one are missing');
    else if (head.lastSeq < Math.max(this.lastSeq, lastStoredSeq))
      this.fail(head.lastSeq + 1, 'entries beyond the recorded head (inserted outside the application)');
    else if (head.lastSeq === this.lastSeq && this.count > 0 && head.lastHash !== this.prevHash)
      this.fail(this.lastSeq, 'last entry does not match the chain head');
  }

  /** `signatureValid`, when given, is the outcome of checkpointSignatureValid for this checkpoint (checked beforehand). */
  checkCheckpoint(
    c: CheckpointFields & { signature: string; keyId: string },
    publicKey: KeyObject,
    keyId: string,
    signatureValid?: boolean,
  ): void {
    if (c.keyId !== keyId || !(signatureValid ?? isCheckpointSignatureValid(c, c.signature, publicKey))) {
      this.fail(c.seq, 'checkpoint signature invalid (forged or signed by another key)');
      return;
    }
    if (c.seq > this.lastSeq && this.firstBadSeq === null) {
      this.fail(this.lastSeq + 1, `tail truncated or rewritten: a signed checkpoint covers entry ${c.seq}`);
      return;
    }
    const seen = this.hashes.get(c.seq);
    if (seen !== undefined && seen !== c.hash)
      this.fail(c.seq, 'entry differs from its signed checkpoint (tail rewritten)');
  }
}
