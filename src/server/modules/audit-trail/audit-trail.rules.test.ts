import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  canonicalJson,
  ChainVerifier,
  checkpointSignatureValid,
  ENCODED_FIELDS,
  ENCODING_TAG,
  encodeEntry,
  isCheckpointSignatureValid,
  GENESIS_HASH,
  hashEntry,
  signCheckpoint,
  wellFormed,
  type ChainedFields,
} from './audit-trail.rules.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

function chain(n: number): (ChainedFields & { hash: string })[] {
  const out: (ChainedFields & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const f: ChainedFields = {
      practiceId: 'prc_test',
      seq,
      ts: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorId: `usr_${seq % 3}`,
      actorRole: 'owner',
      action: 'practice.read',
      targetType: 'practice',
      targetId: 'prc_test',
      outcome: 'success',
      requestId: `r${seq}`,
      ip: '127.0.0.1',
      details: canonicalJson({ n: seq }),
      prevHash: prev,
    };
    const hash = hashEntry(f);
    out.push({ ...f, hash });
    prev = hash;
  }
  return out;
}

function verify(
  entries: (ChainedFields & { hash: string })[],
  head?: { lastSeq: number; lastHash: string },
  checkpoints: { seq: number; hash: string; ts: string; signature: string; keyId: string }[] = [],
) {
  const v = new ChainVerifier(new Set(checkpoints.map((c) => c.seq)));
  for (const e of entries) v.add(e);
  v.checkHead(head);
  for (const c of checkpoints) v.checkCheckpoint({ practiceId: 'prc_test', ...c }, publicKey, 'k1');
  return v;
}

it('checks a checkpoint signature on the thread pool exactly as on the main thread', async () => {
  const c = { practiceId: 'prc_test', seq: 100, hash: 'a'.repeat(64), ts: '2026-11-29T10:00:00.000Z' };
  const signature = signCheckpoint(c, privateKey);
  const other = generateKeyPairSync('ed25519').publicKey;
  const cases: [typeof c, string, typeof publicKey][] = [
    [c, signature, publicKey],
    [{ ...c, seq: 101 }, signature, publicKey],
    [c, signature, other],
    [c, 'not base64 at all', publicKey],
    [c, '', publicKey],
  ];
  const pooled = await Promise.all(cases.map(([f, s, k]) => checkpointSignatureValid(f, s, k)));
  assert.deepEqual(pooled, [true, false, false, false, false]);
  assert.deepEqual(
    pooled,
    cases.map(([f, s, k]) => isCheckpointSignatureValid(f, s, k)),
  );
});

describe('canonical encoding', () => {
  it('gives one text for one value, whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        assert.equal(canonicalJson(obj), canonicalJson(reversed));
      }),
      { seed: 4242, numRuns: 300 },
    );
  });
  it('never encodes two different entries the same way (no concatenation ambiguity)', () => {
    const [e] = chain(1);
    const a = { ...e!, actorId: 'ab', actorRole: 'c' };
    const b = { ...e!, actorId: 'a', actorRole: 'bc' };
    assert.notEqual(encodeEntry(a), encodeEntry(b));
    assert.notEqual(hashEntry(a), hashEntry(b));
  });
  it('lists in ENCODED_FIELDS the fields encodeEntry encodes, in its order (the database builds the same encoding from it)', () => {
    const [e] = chain(1);
    const distinct: ChainedFields = { ...e!, targetId: 't', requestId: 'r', ip: 'i', details: '{"d":1}' };
    assert.equal(encodeEntry(distinct), JSON.stringify([ENCODING_TAG, ...ENCODED_FIELDS.map((f) => distinct[f])]));
    assert.equal(
      new Set(ENCODED_FIELDS.map((f) => distinct[f])).size,
      ENCODED_FIELDS.length,
      'every field has its own value, so an order swap shows',
    );
  });
  it('hashes text as the database gives it back: a lone surrogate becomes U+FFFD, everything else stays', () => {
    assert.equal(wellFormed('a\ud800b'), 'a\ufffdb');
    assert.equal(wellFormed('\udc00'), '\ufffd');
    for (const s of ['', 'Élodie Ça', '\u{1F9B7} dent', '\u0000\u001f"\\']) assert.equal(wellFormed(s), s);
  });
});

describe('chain verifier', () => {
  const entries = chain(30);
  const head = { lastSeq: 30, lastHash: entries[29]!.hash };
  const cp = (seq: number) => {
    const c = { practiceId: 'prc_test', seq, hash: entries[seq - 1]!.hash, ts: '2026-01-02T00:00:00.000Z' };
    return { ...c, signature: signCheckpoint(c, privateKey), keyId: 'k1' };
  };

  it('passes a clean chain with its head and checkpoints', () => {
    const v = verify(entries, head, [cp(10), cp(20), cp(30)]);
    assert.equal(v.ok, true);
    assert.equal(v.count, 30);
  });

  it('finds any single altered field, at the right entry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 29 }),
        fc.constantFrom('actorId', 'action', 'ts', 'details', 'targetId', 'outcome'),
        fc.string({ minLength: 1 }),
        (i, field, value) => {
          const copy = entries.map((e) => ({ ...e }));
          const original = String(copy[i]![field as keyof ChainedFields]);
          fc.pre(value !== original);
          (copy[i] as unknown as Record<string, unknown>)[field] = value;
          const v = verify(copy, head);
          assert.equal(v.firstBadSeq, i + 1);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('read up to the head: entries stored beyond it are found, the entries up to it pass', () => {
    const v = new ChainVerifier(new Set());
    for (const e of entries.slice(0, 20)) v.add(e);
    v.checkHead({ lastSeq: 20, lastHash: entries[19]!.hash }, 20);
    assert.equal(v.ok, true);
    v.checkHead({ lastSeq: 20, lastHash: entries[19]!.hash }, 23);
    assert.equal(v.firstBadSeq, 21);
    assert.match(v.problem ?? '', /beyond the recorded head/);
  });

  it('finds a deleted entry, a swapped pair and a truncated tail', () => {
    assert.equal(
      verify(
        entries.filter((e) => e.seq !== 12),
        head,
      ).firstBadSeq,
      12,
    );
    const swapped = entries.map((e) => ({ ...e }));
    [swapped[4], swapped[5]] = [swapped[5]!, swapped[4]!];
    assert.equal(verify(swapped, head).firstBadSeq, 5);
    assert.equal(verify(entries.slice(0, 25), head).firstBadSeq, 26);
  });

  it('finds a tail truncated behind a checkpoint even when the head was rewritten too', () => {
    const cut = entries.slice(0, 15);
    const v = verify(cut, { lastSeq: 15, lastHash: cut[14]!.hash }, [cp(10), cp(20)]);
    assert.equal(v.ok, false);
    assert.equal(v.firstBadSeq, 16);
  });

  it('finds a rewritten tail (hashes recomputed) covered by a checkpoint, and a forged checkpoint', () => {
    const rewritten = chain(30).map((e) => ({ ...e }));
    // Rewrite from entry 15 on with recomputed hashes: the chain itself is consistent again.
    let prev = rewritten[13]!.hash;
    for (const e of rewritten.slice(14)) {
      e.actorId = 'usr_forger';
      e.prevHash = prev;
      e.hash = hashEntry(e);
      prev = e.hash;
    }
    const v = verify(rewritten, { lastSeq: 30, lastHash: prev }, [cp(10), cp(20)]);
    assert.equal(v.firstBadSeq, 20);
    const forged = { ...cp(20), signature: Buffer.alloc(64, 1).toString('base64') };
    assert.equal(verify(entries, head, [forged]).firstBadSeq, 20);
  });
});
