import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../../../test/support/dialects.js';
import { openDatabase, type OpenDatabase } from './database.js';
import { migrateToLatest } from './migrations/index.js';
import { precompiled, type Slots } from './precompiled.js';

describeEachDialect('precompiled queries', (dialect) => {
  let testDb: TestDatabase;
  let d: OpenDatabase;
  before(async () => {
    testDb = await createTestDatabase(dialect);
    d = await openDatabase(testDb.target);
    await migrateToLatest(d.db, d.dialect);
    const now = '2026-11-29T10:00:00.000Z';
    for (const [id, siren] of [
      ['prc_AAAAAAAAAAAA', '111'],
      ['prc_BBBBBBBBBBBB', '222'],
      ['prc_CCCCCCCCCCCC', '333'],
    ] as const) {
      await d.db
        .insertInto('practices')
        .values({
          id,
          name: `Cabinet ${siren}`,
          siren,
          legal_form: null,
          siret: null,
          address: null,
          controller_name: 'Dr Martin',
          dpo_contact: null,
          idle_lock_minutes: 5,
          alsace_moselle: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  });
  after(async () => {
    await d.close();
    await testDb.dispose();
  });

  it('builds once, then runs with each call’s values, on the database and inside a transaction, as the built query would', async () => {
    let builds = 0;
    const byIds = precompiled((db, p: Slots<'first' | 'second'>) => {
      builds++;
      // A slot may appear twice; values given in the builder stay as they are.
      return db
        .selectFrom('practices')
        .select(['id', 'name'])
        .where((eb) => eb.or([eb('id', '=', p.first), eb('id', '=', p.second), eb('siren', '=', '333')]))
        .where('id', '!=', p.second)
        .orderBy('id');
    });
    assert.deepEqual(
      (await byIds(d.db, { first: 'prc_AAAAAAAAAAAA', second: 'prc_BBBBBBBBBBBB' })).map((r) => r.id),
      ['prc_AAAAAAAAAAAA', 'prc_CCCCCCCCCCCC'],
    );
    assert.deepEqual(
      (
        await d.db.transaction().execute((tx) => byIds(tx, { first: 'prc_BBBBBBBBBBBB', second: 'prc_AAAAAAAAAAAA' }))
      ).map((r) => r.id),
      ['prc_BBBBBBBBBBBB', 'prc_CCCCCCCCCCCC'],
    );
    assert.equal(builds, 1);
  });

  it('refuses a call that leaves a slot without its value', async () => {
    const byId = precompiled((db, p: Slots<'id'>) => db.selectFrom('practices').select('id').where('id', '=', p.id));
    await assert.rejects(byId(d.db, {} as { id: string }), /no value for id/);
  });
});
