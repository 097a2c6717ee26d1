import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Executor } from '../../platform/db/database.js';
import {
  auditEntries,
  call,
  createPractice,
  createTestApp,
  login,
  type Client,
  type TestApp,
} from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';

/** Reads share the commit of their audit entries (group commit); none is answered before its entry is written. */
describeEachDialect('group commit of the audit entries of reads', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let owner: Client;
  before(async () => {
    t = await createTestApp(dialect);
    const p = await createPractice(t, 'Cabinet des Lilas');
    practiceId = p.practiceId;
    owner = await login(t, p.ownerEmail);
  });
  after(async () => t.close());

  it('thirty concurrent reads: thirty entries, in fewer commits, the chain intact', async () => {
    const trail = t.services.auditTrail;
    const original = trail.appendMany.bind(trail);
    const transactions = new Set<Executor>();
    trail.appendMany = async (tx, entries) => {
      if (entries.some((e) => e.input.action === 'member.listed')) transactions.add(tx);
      return original(tx, entries);
    };
    try {
      const before = (await auditEntries(t, practiceId)).filter((e) => e.action === 'member.listed').length;
      const answers = await Promise.all(
        Array.from({ length: 30 }, () => call(t, 'GET', `/api/v1/practices/${practiceId}/members`, { as: owner })),
      );
      assert.ok(answers.every((r) => r.statusCode === 200));
      const entries = (await auditEntries(t, practiceId)).filter((e) => e.action === 'member.listed');
      assert.equal(entries.length - before, 30);
      assert.ok(transactions.size > 0 && transactions.size < 30, `30 entries in ${transactions.size} commits`);
      const verification = await call(t, 'GET', `/api/v1/practices/${practiceId}/audit-trail/verification`, {
        as: owner,
      });
      assert.equal(verification.json().ok, true, verification.body);
    } finally {
      trail.appendMany = original;
    }
  });

  it('a read whose entry cannot be written is not answered', async () => {
    const trail = t.services.auditTrail;
    const original = trail.appendMany.bind(trail);
    trail.appendMany = async (tx, entries) => {
      if (entries.some((e) => e.input.action === 'practice.read')) throw new Error('disk full');
      return original(tx, entries);
    };
    try {
      const res = await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: owner });
      assert.equal(res.statusCode, 500);
      assert.ok(!res.body.includes('Cabinet des Lilas'), 'no data without its audit entry');
    } finally {
      trail.appendMany = original;
    }
    assert.equal((await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: owner })).statusCode, 200);
  });

  it('a commit that cannot even begin fails the reads waiting for it, and the next one goes through', async () => {
    const db = t.services.db;
    const original = db.transaction.bind(db);
    let calls = 0;
    // The read's own transaction is the first; the group commit's is the second.
    db.transaction = () =>
      ++calls === 2
        ? ({ execute: () => Promise.reject(new Error('database is locked')) } as unknown as ReturnType<typeof original>)
        : original();
    try {
      const res = await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: owner });
      assert.equal(res.statusCode, 500);
      assert.ok(!res.body.includes('Cabinet des Lilas'), 'no data without its audit entry');
    } finally {
      db.transaction = original;
    }
    assert.equal(calls, 2);
    assert.equal((await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: owner })).statusCode, 200);
  });
});
