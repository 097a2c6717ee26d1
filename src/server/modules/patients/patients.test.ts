import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  addMember,
  auditEntries,
  call,
  createPractice,
  createTestApp,
  login,
  type Client,
  type TestApp,
} from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { searchKey } from './patients.rules.js';

it('compares names without accents, case or extra spaces', () => {
  assert.equal(searchKey('  LEFÈVRE ', 'Zoë-Anaïs'), 'lefevre zoe-anais');
  assert.equal(searchKey('N’Diaye', 'Çélia'), 'n diaye celia');
});

describeEachDialect('patient index', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let assistant: Client;
  const url = (p = '') => `/api/v1/practices/${practiceId}/patients${p}`;
  before(async () => {
    t = await createTestApp(dialect);
    practiceId = (await createPractice(t)).practiceId;
    assistant = await login(t, (await addMember(t, practiceId, 'assistant')).email);
  });
  after(async () => t.close());

  it('adds, finds (name without accents, birth date, software id), reads and changes a patient, each audited', async () => {
    const created = await call(t, 'POST', url(), {
      as: assistant,
      body: {
        externalId: 'LOGOS-1',
        lastName: 'Lefèvre',
        firstName: 'Zoë',
        birthDate: '1984-02-29',
        email: 'ZOE@Example.fr',
        phone: '06 12 34 56 78',
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const p = created.json();
    assert.deepEqual([p.email, p.isRestricted, p.objectsToSms], ['zoe@example.fr', false, false]);
    for (const q of ['lefevre', 'LEFÈVRE zo', '1984-02-29', '29/02/1984', '29.02.1984', 'LOGOS-1']) {
      const found = (await call(t, 'GET', url(`?q=${encodeURIComponent(q)}`), { as: assistant })).json();
      assert.deepEqual(
        found.items.map((x: { id: string }) => x.id),
        [p.id],
        q,
      );
    }
    assert.equal((await call(t, 'GET', url('?q=martin'), { as: assistant })).json().total, 0);
    assert.equal((await call(t, 'GET', url(`/${p.id}`), { as: assistant })).json().lastName, 'Lefèvre');
    const changed = await call(t, 'PATCH', url(`/${p.id}`), {
      as: assistant,
      body: { objectsToSms: true, email: null, lastName: 'Lefèvre-Martin' },
    });
    assert.deepEqual([changed.json().objectsToSms, changed.json().email], [true, null]);
    assert.equal((await call(t, 'GET', url('?q=martin'), { as: assistant })).json().total, 1);
    const actions = (await auditEntries(t, practiceId))
      .filter((e) => e.target_id === p.id || e.action === 'patient.listed')
      .map((e) => e.action);
    for (const a of ['patient.created', 'patient.read', 'patient.updated', 'patient.listed'])
      assert.ok(actions.includes(a), a);
    const listed = (await auditEntries(t, practiceId)).filter((e) => e.action === 'patient.listed').at(-1)!;
    assert.deepEqual(JSON.parse(listed.details).patientIds, [p.id], 'which patients a list showed is on record');
  });

  it('pages a search in alphabetical order without gaps or repeats, counts up to 1,000 then says "more", and puts a software-id match first', async () => {
    const csv = [
      'N° dossier;Nom;Prénom;Date de naissance',
      ...Array.from(
        { length: 2050 },
        (_, i) =>
          `PG${i};Page${String(2049 - i).padStart(4, '0')};Inès;${String((i % 28) + 1).padStart(2, '0')}/01/1990`,
      ),
      'Z-PAGE;Zèbre;Inès;01/01/1990',
    ].join('\n');
    assert.equal(
      (await call(t, 'POST', url('/import'), { as: assistant, body: { csv, dryRun: false } })).json().created,
      2051,
    );
    const first = (await call(t, 'GET', url('?q=page&limit=20'), { as: assistant })).json();
    assert.deepEqual(
      [first.items.length, first.total, first.totalCapped],
      [20, 1000, true],
      'past 1,000 the count says "more than"',
    );
    const seen: string[] = [];
    for (let offset = 0; offset < 2100; offset += 100) {
      const page = (await call(t, 'GET', url(`?q=page&limit=100&offset=${offset}`), { as: assistant })).json();
      seen.push(...page.items.map((p: { lastName: string }) => p.lastName));
      if (offset >= 2000)
        assert.deepEqual([page.total, page.totalCapped], [2050, false], 'a page past the cap counts exactly');
    }
    assert.deepEqual(
      seen,
      Array.from({ length: 2050 }, (_, i) => `Page${String(i).padStart(4, '0')}`),
    );
    // "z-page" matches no name but a software id: that patient comes first, the names after, each once.
    const byId = (await call(t, 'GET', url('?q=Z-PAGE&limit=5'), { as: assistant })).json();
    assert.deepEqual(
      [byId.items.map((p: { lastName: string }) => p.lastName), byId.total, byId.totalCapped],
      [['Zèbre'], 1, false],
    );
    const mixed = (await call(t, 'GET', url('?q=PG1549&limit=3'), { as: assistant })).json();
    // Line 1549 was written in the import's second batch of 1,000 (the compiled insert reused): every value in its place.
    assert.deepEqual(
      mixed.items.map((p: { externalId: string; lastName: string; firstName: string; birthDate: string }) => [
        p.externalId,
        p.lastName,
        p.firstName,
        p.birthDate,
      ]),
      [['PG1549', 'Page0500', 'Inès', '1990-01-10']],
    );
    const born = (await call(t, 'GET', url('?q=1990-01-01&limit=2&offset=1'), { as: assistant })).json();
    assert.deepEqual(
      [born.items.length, born.total, born.totalCapped],
      [2, 75, false],
      'a birth date: lines 0, 28, 56… and Zèbre',
    );
  });

  it('refuses a second patient with the same software id, a bad date or phone, and writes nothing', async () => {
    const before = (await t.services.db.selectFrom('patients').select('id').execute()).length;
    const dup = await call(t, 'POST', url(), {
      as: assistant,
      body: { externalId: 'LOGOS-1', lastName: 'Autre', firstName: 'Personne', birthDate: '1990-01-01' },
    });
    assert.deepEqual([dup.statusCode, dup.json().issues[0].code], [409, 'external_id_taken']);
    const badDate = await call(t, 'POST', url(), {
      as: assistant,
      body: { lastName: 'Autre', firstName: 'Personne', birthDate: '1990-02-30' },
    });
    assert.deepEqual([badDate.statusCode, badDate.json().issues[0].path], [400, 'birthDate']);
    const badPhone = await call(t, 'POST', url(), {
      as: assistant,
      body: { lastName: 'Autre', firstName: 'Personne', birthDate: '1990-01-01', phone: 'appelez-moi' },
    });
    assert.deepEqual([badPhone.statusCode, badPhone.json().issues[0].path], [400, 'phone']);
    assert.equal((await t.services.db.selectFrom('patients').select('id').execute()).length, before);
  });

  it('answers 404 for another practice’s patient, and 403 for a trainee', async () => {
    const other = await createPractice(t, 'Ailleurs');
    const stranger = await login(t, other.ownerEmail);
    const p = (
      await call(t, 'POST', url(), {
        as: assistant,
        body: { lastName: 'Secret', firstName: 'Patient', birthDate: '1970-01-01' },
      })
    ).json();
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${other.practiceId}/patients/${p.id}`, { as: stranger })).statusCode,
      404,
    );
    const trainee = await login(t, (await addMember(t, practiceId, 'trainee')).email);
    assert.equal((await call(t, 'GET', url(`/${p.id}`), { as: trainee })).statusCode, 403);
  });
});

describeEachDialect('patient import (CSV)', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let assistant: Client;
  const url = () => `/api/v1/practices/${practiceId}/patients/import`;
  const EXPORT =
    'N° dossier;Nom;Prénom;Date de naissance;Téléphone\r\nA1;Lefèvre;Zoé;29/02/1984;06 12 34 56 78\r\nA2;Martin;;01/01/1990;\r\nA3;Durand;Émile;15/06/1975;\r\n';
  before(async () => {
    t = await createTestApp(dialect);
    practiceId = (await createPractice(t)).practiceId;
    assistant = await login(t, (await addMember(t, practiceId, 'assistant')).email);
  });
  after(async () => t.close());

  it('checks the file first (the mapping guessed, every rejected line with its reason in French), writing nothing', async () => {
    const res = await call(t, 'POST', url(), { as: assistant, body: { csv: EXPORT } });
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    assert.deepEqual([r.dryRun, r.lines, r.valid, r.created, r.rejectedCount], [true, 3, 2, 0, 1]);
    assert.deepEqual(r.mapping, {
      externalId: 'N° dossier',
      lastName: 'Nom',
      firstName: 'Prénom',
      birthDate: 'Date de naissance',
      phone: 'Téléphone',
    });
    assert.deepEqual(r.rejected, [
      { line: 3, field: 'firstName', code: 'required', message: 'champ obligatoire vide' },
    ]);
    assert.equal((await t.services.db.selectFrom('patients').select('id').execute()).length, 0);
  });

  it('imports the valid lines in one go, then updates them on a second import by their software id, keeping the flags set in Gardien', async () => {
    const first = (await call(t, 'POST', url(), { as: assistant, body: { csv: EXPORT, dryRun: false } })).json();
    assert.deepEqual([first.created, first.updated], [2, 0]);
    const zoe = (await call(t, 'GET', `/api/v1/practices/${practiceId}/patients?q=A1`, { as: assistant })).json()
      .items[0];
    await call(t, 'PATCH', `/api/v1/practices/${practiceId}/patients/${zoe.id}`, {
      as: assistant,
      body: { isRestricted: true },
    });
    const again = (
      await call(t, 'POST', url(), {
        as: assistant,
        body: { csv: EXPORT.replace('Lefèvre', 'Lefèvre-Martin'), dryRun: false },
      })
    ).json();
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 1, 1]);
    const after = (
      await call(t, 'GET', `/api/v1/practices/${practiceId}/patients/${zoe.id}`, { as: assistant })
    ).json();
    assert.deepEqual([after.lastName, after.isRestricted], ['Lefèvre-Martin', true]);
    assert.equal(
      (await t.services.db.selectFrom('patients').select('id').where('practice_id', '=', practiceId).execute()).length,
      2,
    );
    const entries = (await auditEntries(t, practiceId)).filter((e) => e.action === 'patient.imported');
    assert.equal(entries.length, 2);
    assert.deepEqual(JSON.parse(entries[0]!.details), {
      lines: 3,
      valid: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      wouldCreate: 2,
      wouldUpdate: 0,
    });
  });

  it('leaves nothing half-imported when the write fails, and refuses a mapping naming a missing column', async () => {
    const before = (await t.services.db.selectFrom('patients').select('id').execute()).length;
    const missing = (
      await call(t, 'POST', url(), {
        as: assistant,
        body: { csv: EXPORT, mapping: { lastName: 'Nom', firstName: 'Prénom', birthDate: 'Naissance' }, dryRun: false },
      })
    ).json();
    assert.deepEqual([missing.valid, missing.created, missing.rejected[0].code], [0, 0, 'column_missing']);
    // A line that passes the checks but breaks at write time (the database refuses it) rolls the whole import back.
    const original = t.services.db;
    const big = [
      'Nom;Prénom;Date de naissance',
      ...Array.from({ length: 1200 }, (_, i) => `Nom${i};Prénom;01/01/1990`),
    ].join('\n');
    await t.services.db.schema
      .createIndex('patients_test_fail_uq')
      .on('patients')
      .column('first_name')
      .unique()
      .execute()
      .catch(() => undefined);
    const failed = await call(t, 'POST', url(), { as: assistant, body: { csv: big, dryRun: false } });
    assert.ok(failed.statusCode >= 400, `the import must fail: ${failed.statusCode}`);
    await original.schema.dropIndex('patients_test_fail_uq').execute();
    assert.equal(
      (await t.services.db.selectFrom('patients').select('id').execute()).length,
      before,
      'nothing half-imported',
    );
  });

  it('streams its progress when asked (application/x-ndjson): batches written, then the report; a failure after the start comes as the last line', async () => {
    const csv = [
      'Nom;Prénom;Date de naissance',
      ...Array.from({ length: 2500 }, (_, i) => `Progrès${i};Inès;01/01/1990`),
    ].join('\n');
    const res = await call(t, 'POST', url(), {
      as: assistant,
      body: { csv, dryRun: false },
      headers: { accept: 'application/x-ndjson' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /application\/x-ndjson/);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { progress?: { done: number; total: number }; report?: { created: number } });
    assert.deepEqual(
      lines.filter((l) => l.progress).map((l) => l.progress!.done),
      [1000, 2000, 2500],
    );
    assert.ok(lines.every((l) => !l.progress || l.progress.total === 2500));
    assert.equal(lines.at(-1)!.report!.created, 2500);
    // Refused before the work starts (a trainee): an ordinary error answer, not a stream.
    const trainee = await login(t, (await addMember(t, practiceId, 'trainee')).email);
    const refused = await call(t, 'POST', url(), {
      as: trainee,
      body: { csv, dryRun: false },
      headers: { accept: 'application/x-ndjson' },
    });
    assert.deepEqual([refused.statusCode, refused.json().code], [403, 'FORBIDDEN']);
    // A check (dry run) finishes at once: plain JSON.
    const check = await call(t, 'POST', url(), {
      as: assistant,
      body: { csv },
      headers: { accept: 'application/x-ndjson' },
    });
    assert.equal(check.json().dryRun, true);
    // Fails while writing: the stream ends with the error, and nothing is kept.
    const count = async () =>
      (await t.services.db.selectFrom('patients').select('id').where('practice_id', '=', practiceId).execute()).length;
    const before = await count();
    await t.services.db.schema
      .createIndex('patients_test_fail_uq')
      .on('patients')
      .columns(['practice_id', 'last_name'])
      .unique()
      .execute();
    // The last line repeats a name: the database refuses it in the last batch, after two batches were reported.
    const other = csv.replaceAll('Progrès', 'Autre').replace('Autre2499;', 'Autre0;');
    const broken = await call(t, 'POST', url(), {
      as: assistant,
      body: { csv: other, dryRun: false },
      headers: { accept: 'application/x-ndjson' },
    });
    await t.services.db.schema
      .dropIndex('patients_test_fail_uq')
      .execute()
      .catch(() => undefined);
    const brokenLines = broken.body.trim().split('\n');
    assert.ok(brokenLines.length >= 3, broken.body.slice(0, 300));
    const last = JSON.parse(brokenLines.at(-1)!) as { error?: { status: number; code: string } };
    assert.ok(last.error && last.error.status >= 400, broken.body.slice(-300));
    assert.equal(await count(), before, 'nothing half-imported');
  });
});
