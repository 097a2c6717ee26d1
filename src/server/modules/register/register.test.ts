import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { auditEntries, call, type Client, type TestApp } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { templates } from './register.templates.js';

const KEYS = ['patient_care', 'appointments', 'billing', 'staff', 'suppliers', 'video_surveillance', 'website'];

/** The test clock: Thursday 15 January 2026. */
import { registerFixture } from './register.fixture.js';

describeEachDialect('register of processing activities', (dialect) => {
  const { f, url, ids } = registerFixture(dialect);
  let t: TestApp;
  let practiceId: string;
  let owner: Client;
  let assistant: Client;
  let auditor: Client;
  before(() => {
    ({ t, practiceId, owner, assistant, auditor } = f);
  });

  it('lists the seven dental templates, each complete against the CNIL fiche', async () => {
    const res = await call(t, 'GET', url('/templates'), { as: auditor });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      res.json().map((x: { key: string }) => x.key),
      KEYS,
    );
    assert.deepEqual(
      templates().map((x) => x.key),
      KEYS,
    );
  });

  it('the start assistant instantiates every template as a draft, complete, with its DPIA screening', async () => {
    for (const key of KEYS) {
      const res = await call(t, 'POST', url('/activities'), { as: assistant, body: { templateKey: key } });
      assert.equal(res.statusCode, 201, res.body);
      const a = res.json();
      // Every template is complete against the CNIL fiche but for the software, which only the practice can name.
      assert.deepEqual(
        [a.status, a.version, a.templateKey, a.missing],
        ['draft', 0, key, key === 'suppliers' ? [] : ['software']],
        key,
      );
      ids[key] = a.id;
    }
    const list = (await call(t, 'GET', url('/activities'), { as: auditor })).json().items as {
      templateKey: string;
      dpiaLikely: boolean;
      dpiaReason: string;
      fields: { data: { retention: { archive: string } }[] };
    }[];
    assert.equal(list.length, 7);
    assert.equal(
      list.find((a) => a.templateKey === 'patient_care')!.dpiaLikely,
      false,
      'care by a practitioner is on the CNIL no-DPIA list',
    );
    // Each activity its own screening: the care exemption is said of care only.
    assert.deepEqual(Object.fromEntries(list.map((a) => [a.templateKey, a.dpiaReason])), {
      patient_care: 'care_listed',
      appointments: 'care_listed',
      billing: 'care_listed',
      staff: 'no_criterion',
      suppliers: 'no_criterion',
      video_surveillance: 'one_criterion',
      website: 'no_criterion',
    });
    // No legal form given: accounting kept 10 years, said to be the prudent default.
    assert.match(
      list.find((a) => a.templateKey === 'billing')!.fields.data[0]!.retention.archive,
      /^10 ans par prudence/,
    );
    // A template holding "(à préciser)" is refused at validation, naming the field; the software named, it validates.
    const refused = await call(t, 'POST', url(`/activities/${ids.staff}/validation`), { as: owner });
    assert.deepEqual(
      [refused.statusCode, refused.json().issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`)],
      [409, ['software:activity_incomplete']],
    );
    for (const key of KEYS) {
      const a = (await call(t, 'GET', url(`/activities/${ids[key]}`), { as: assistant })).json();
      const named = await call(t, 'PUT', url(`/activities/${ids[key]}`), {
        as: assistant,
        body: {
          ...a.fields,
          software: key === 'patient_care' ? 'Logiciel de gestion du cabinet (à préciser)' : 'Logos_w',
        },
      });
      assert.equal(named.statusCode, 200, named.body);
    }
    // The practice says it is a SELARL: a template added now keeps the accounting 10 years under the Commercial Code.
    await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, { as: owner, body: { legalForm: 'SELARL' } });
    const tpl = (await call(t, 'GET', url('/templates'), { as: auditor })).json() as {
      key: string;
      fields: { data: { retention: { archive: string } }[] };
    }[];
    assert.match(
      tpl.find((x) => x.key === 'billing')!.fields.data[0]!.retention.archive,
      /10 ans \(pièces comptables, code de commerce L123-22\)/,
    );
    await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, {
      as: owner,
      body: { legalForm: 'Exercice individuel (libéral)' },
    });
    const sole = (await call(t, 'GET', url('/templates'), { as: auditor })).json() as typeof tpl;
    assert.match(
      sole.find((x) => x.key === 'billing')!.fields.data[0]!.retention.archive,
      /6 ans \(livres et pièces fiscales, LPF L102 B\)/,
    );
    const unknown = await call(t, 'POST', url('/activities'), { as: assistant, body: { templateKey: 'nothing_here' } });
    assert.deepEqual([unknown.statusCode, unknown.json().issues[0].path], [400, 'templateKey']);
    assert.equal(
      (await call(t, 'POST', url('/activities'), { as: auditor, body: { templateKey: 'staff' } })).statusCode,
      403,
      'the auditor reads, never writes',
    );
  });

  it('only the owner validates: a dated immutable version, a review due twelve months later; a change makes a draft again', async () => {
    const id = ids.patient_care!;
    assert.equal((await call(t, 'POST', url(`/activities/${id}/validation`), { as: assistant })).statusCode, 403);
    const placeholder = await call(t, 'POST', url(`/activities/${id}/validation`), { as: owner });
    assert.deepEqual([placeholder.statusCode, placeholder.json().issues[0].path], [409, 'software']);
    const current = (await call(t, 'GET', url(`/activities/${id}`), { as: owner })).json();
    assert.equal(
      (
        await call(t, 'PUT', url(`/activities/${id}`), {
          as: assistant,
          body: { ...current.fields, software: 'Julie' },
        })
      ).statusCode,
      200,
    );
    const v1 = await call(t, 'POST', url(`/activities/${id}/validation`), { as: owner });
    assert.equal(v1.statusCode, 200, v1.body);
    assert.deepEqual([v1.json().status, v1.json().version, v1.json().reviewDueOn], ['validated', 1, '2027-01-15']);
    const twice = await call(t, 'POST', url(`/activities/${id}/validation`), { as: owner });
    assert.deepEqual([twice.statusCode, twice.json().issues[0].code], [409, 'already_validated']);
    const fields = v1.json().fields;
    const changed = await call(t, 'PUT', url(`/activities/${id}`), {
      as: assistant,
      body: { ...fields, software: 'Logos_w' },
    });
    assert.deepEqual([changed.statusCode, changed.json().status, changed.json().version], [200, 'draft', 1]);
    const v2 = (await call(t, 'POST', url(`/activities/${id}/validation`), { as: owner })).json();
    assert.deepEqual([v2.version, v2.reviewDueOn], [2, '2027-01-15']);
    const detail = (await call(t, 'GET', url(`/activities/${id}`), { as: auditor })).json();
    assert.deepEqual(
      detail.versions.map((v: { version: number }) => v.version),
      [2, 1],
    );
    assert.equal(detail.versions[1].fields.software, 'Julie', 'version 1 kept as it was validated');
    assert.notEqual(detail.versions[0].sha256, detail.versions[1].sha256);
    const kept = await call(t, 'DELETE', url(`/activities/${id}`), { as: owner });
    assert.deepEqual([kept.statusCode, kept.json().issues[0].code], [409, 'activity_validated_kept']);
    for (const key of KEYS.filter((k) => k !== 'patient_care'))
      assert.equal(
        (await call(t, 'POST', url(`/activities/${ids[key]}/validation`), { as: owner })).statusCode,
        200,
        key,
      );
    const entries = (await auditEntries(t, practiceId)).filter((e) => e.action === 'register.activity-validated');
    assert.equal(entries.length, 8);
  });

  it('refuses to validate an incomplete activity, naming what is missing; removes a draft never validated', async () => {
    const bare = await call(t, 'POST', url('/activities'), {
      as: assistant,
      body: {
        name: 'Photographies pour publication',
        purposes: [{ purpose: 'Publication de cas cliniques', legalBasis: null }],
        people: [],
        data: [],
        sensitive: [{ category: 'health', retention: { active: '' } }],
        recipients: [],
        transfers: [],
        security: [],
      },
    });
    assert.equal(bare.statusCode, 201, bare.body);
    assert.deepEqual(bare.json().missing, [
      'purposes.0.legalBasis',
      'purposes.art9Condition',
      'people',
      'sensitive.0.retention.active',
      'recipients',
      'security',
    ]);
    const refused = await call(t, 'POST', url(`/activities/${bare.json().id}/validation`), { as: owner });
    assert.equal(refused.statusCode, 409);
    assert.deepEqual(
      refused.json().issues.map((i: { path: string }) => i.path),
      bare.json().missing,
    );
    const bad = await call(t, 'POST', url('/activities'), {
      as: assistant,
      body: {
        name: 'X',
        purposes: [],
        people: [{ category: 'martians' }],
        data: [],
        sensitive: [],
        recipients: [],
        transfers: [],
        security: [],
      },
    });
    assert.deepEqual([bad.statusCode, bad.json().issues[0].path], [400, 'people.0.category']);
    assert.equal((await call(t, 'DELETE', url(`/activities/${bare.json().id}`), { as: assistant })).statusCode, 200);
  });

  it('keeps a processor register (Art. 30(2))', async () => {
    const res = await call(t, 'POST', url('/processor-activities'), {
      as: owner,
      body: {
        clientName: 'Centre de santé des Vosges',
        categories: 'Radiographies lues pour le compte du centre',
        security: 'Poste chiffré',
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const list = (await call(t, 'GET', url('/processor-activities'), { as: auditor })).json();
    assert.equal(list.items.length, 1);
    const edited = await call(t, 'PUT', url(`/processor-activities/${res.json().id}`), {
      as: owner,
      body: {
        clientName: 'Centre de santé des Vosges',
        categories: 'Radiographies lues pour le compte du centre',
        security: 'Poste chiffré, accès nominatif',
      },
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(
      (await call(t, 'GET', url('/processor-activities'), { as: auditor })).json().items[0].security,
      'Poste chiffré, accès nominatif',
    );
  });
});
