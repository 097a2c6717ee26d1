import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  addMember,
  auditEntries,
  call,
  createPractice,
  createTestApp,
  login,
  STRONG_PASSWORD,
  type Client,
  type TestApp,
} from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { parseCsv, pdfPages, pdfText, readXlsxSheets, unzip } from '../../../../test/support/documents.js';
import { readability } from './register.notices.js';
import { templates } from './register.templates.js';

const KEYS = ['patient_care', 'appointments', 'billing', 'staff', 'suppliers', 'video_surveillance', 'website'];

/** The test clock: Thursday 15 January 2026. */
describeEachDialect('register of processing activities', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let owner: Client;
  let assistant: Client;
  let auditor: Client;
  let auditorEmail: string;
  const url = (p = '') => `/api/v1/practices/${practiceId}/register${p}`;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await createTestApp(dialect);
    const p = await createPractice(t, 'Cabinet dentaire Étienne Lefèvre');
    practiceId = p.practiceId;
    owner = await login(t, p.ownerEmail);
    assistant = await login(t, (await addMember(t, practiceId, 'assistant')).email);
    auditorEmail = (await addMember(t, practiceId, 'auditor')).email;
    auditor = await login(t, auditorEmail);
    await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, {
      as: owner,
      body: {
        address: '12 rue de la Paix, 67000 Strasbourg',
        dpoContact: 'dpo@cabinet-lefevre.fr',
        siren: '732829320',
      },
    });
  });
  after(async () => t.close());

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

  it('exports the register with all seven templates: PDF (accents, every activity, page numbers), DOCX, XLSX in the CNIL layout, CSV and JSON, injection neutralised', async () => {
    await call(t, 'POST', url('/activities'), { as: assistant, body: { templateKey: 'staff' } }).then((r) =>
      call(t, 'PUT', url(`/activities/${r.json().id}`), {
        as: assistant,
        body: {
          ...r.json().fields,
          name: '=HYPERLINK("http://x")',
          ref: '+33',
          software: '-2+3',
          jointController: '@SUM(A1)',
        },
      }),
    );
    const pdf = await call(t, 'GET', url('/export?format=pdf'), { as: auditor });
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /registre-traitements-2026-01-15\.pdf/);
    const text = await pdfText(pdf.rawPayload);
    for (const name of [
      'Gestion des dossiers des patients et des soins',
      'Gestion des rendez-vous et rappels',
      'Facturation, télétransmission et comptabilité',
      'Gestion du personnel et de la paie',
      'Gestion des fournisseurs et sous-traitants',
      'Vidéosurveillance des locaux',
      'Site internet du cabinet',
    ]) {
      assert.ok(text.includes(name), `the PDF names ${name}`);
    }
    for (const word of [
      'Registre des activités de traitement',
      'Étienne Lefèvre',
      'Durée de conservation',
      'Données concernant la santé',
      'Sommaire',
      'sous-traitant (article 30.2 du RGPD)',
      'Médecine, diagnostic, soins',
    ])
      assert.ok(text.includes(word), word);
    assert.match(text, /page 1 \/ \d+/);
    assert.ok((await pdfPages(pdf.rawPayload)) >= 9);
    const docx = await call(t, 'GET', url('/export?format=docx'), { as: owner });
    assert.equal(docx.statusCode, 200);
    const xml = (await unzip(docx.rawPayload)).get('word/document.xml')!.toString('utf8');
    assert.ok(
      xml.includes('Vidéosurveillance des locaux') && xml.includes('Facturation, télétransmission et comptabilité'),
    );
    const sheets = await readXlsxSheets((await call(t, 'GET', url('/export?format=xlsx'), { as: owner })).rawPayload);
    assert.equal(sheets[0]!.name, 'Liste des traitements');
    assert.deepEqual(sheets[0]!.rows[0]!.slice(0, 4), [
      'N° / RÉF',
      'Nom du traitement',
      'Date de création de la fiche',
      'Dernière mise à jour de la fiche',
    ]);
    assert.equal(sheets.length, 1 + 8 + 1, 'one fiche per activity and the processor register');
    const listed = sheets[0]!.rows.map((r) => r[1]);
    assert.ok(listed.includes('Vidéosurveillance des locaux'));
    assert.ok(listed.includes('\'=HYPERLINK("http://x")'), 'formula neutralised in XLSX');
    const csv = parseCsv((await call(t, 'GET', url('/export?format=csv'), { as: owner })).body);
    assert.equal(csv.length, 1 + 8 + 1, 'the activities and the processor register (Art. 30(2))');
    const processorRow = csv.at(-1)!;
    assert.equal(processorRow[0], 'Centre de santé des Vosges');
    assert.ok(
      processorRow.includes('Article 30.2 (sous-traitant)') &&
        processorRow.includes('Radiographies lues pour le compte du centre'),
    );
    const injected = csv.find((r) => r[0] === '\'=HYPERLINK("http://x")')!;
    assert.equal(injected[1], "'+33", 'formula neutralised in CSV');
    assert.ok(
      injected.includes("'-2+3") && injected.includes("'@SUM(A1)"),
      'cells starting with - and @ neutralised too',
    );
    const fiche = sheets.slice(1).find((x) => x.rows.some((r) => r[1] === '\'=HYPERLINK("http://x")'))!;
    assert.ok(
      fiche.rows.some((r) => r[1] === "'-2+3") && fiche.rows.some((r) => r[1] === "'@SUM(A1)"),
      `and in the XLSX fiche: ${JSON.stringify(fiche.rows.slice(0, 12))}`,
    );
    const json = (await call(t, 'GET', url('/export?format=json'), { as: owner })).json();
    assert.deepEqual(
      [json.format, json.activities.length, json.processorActivities.length, json.practice.siren],
      ['gardien.register/1', 8, 1, '732829320'],
    );
    const exported = (await auditEntries(t, practiceId))
      .filter((e) => e.action === 'register.exported')
      .map((e) => JSON.parse(e.details).format);
    assert.deepEqual(exported, ['pdf', 'docx', 'xlsx', 'csv', 'json']);
  });

  it('generates the patient notice from the register in plain French, versioned when it changes, and records its distribution', async () => {
    const html = await call(t, 'GET', `/api/v1/practices/${practiceId}/notices/patient?format=html`, { as: assistant });
    assert.equal(html.statusCode, 200, html.body);
    assert.match(String(html.headers['content-type']), /text\/html/);
    assert.equal(html.headers['x-gardien-notice-version'], '1');
    assert.match(html.body, /<html lang="fr">/);
    assert.match(html.body, /Cabinet dentaire Étienne Lefèvre/);
    assert.match(html.body, /Tenue du dossier médical et suivi des soins/);
    assert.match(html.body, /dpo@cabinet-lefevre\.fr/);
    const txt = (await call(t, 'GET', `/api/v1/practices/${practiceId}/notices/patient?format=txt`, { as: assistant }))
      .body;
    const r = readability(txt);
    assert.ok(r.wordsPerSentence <= 14, `short sentences: ${r.wordsPerSentence.toFixed(1)} words each`);
    assert.ok(r.score >= 60, `plain French (Kandel-Moles ≥ 60): ${r.score.toFixed(0)}`);
    const pdf = await call(t, 'GET', `/api/v1/practices/${practiceId}/notices/patient?format=pdf`, { as: assistant });
    assert.equal(pdf.headers['x-gardien-notice-version'], '1', 'same text, same version');
    // Read back: one A4 page, every Art. 13 block there, the record's own clock, no internal wording.
    assert.equal(await pdfPages(pdf.rawPayload), 1, 'the patient notice fits one A4 page');
    const pdfBody = await pdfText(pdf.rawPayload);
    for (const must of [
      'Qui est responsable ?',
      'Devez-vous nous les donner ?',
      'Vos droits',
      'dpo@cabinet-lefevre.fr',
      '8 jours',
      'www.cnil.fr',
      'Votre dossier est gardé 5 ans après la dernière intervention',
    ])
      assert.ok(pdfBody.replace(/\s+/g, ' ').includes(must), must);
    assert.doesNotMatch(pdfBody, /à préciser|undefined|null/);
    await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, {
      as: owner,
      body: { dpoContact: 'rgpd@cabinet-lefevre.fr' },
    });
    const docx = await call(t, 'GET', `/api/v1/practices/${practiceId}/notices/patient?format=docx`, { as: assistant });
    assert.equal(docx.headers['x-gardien-notice-version'], '2');
    assert.ok(
      (await unzip(docx.rawPayload)).get('word/document.xml')!.toString('utf8').includes('rgpd@cabinet-lefevre.fr'),
    );
    for (const kind of ['poster', 'website', 'booking']) {
      const res = await call(t, 'GET', `/api/v1/practices/${practiceId}/notices/${kind}?format=txt`, { as: assistant });
      assert.equal(res.statusCode, 200, kind);
      assert.ok(readability(res.body).wordsPerSentence <= 16, `${kind}: short sentences`);
    }
    assert.match(
      (await call(t, 'GET', `/api/v1/practices/${practiceId}/notices/website?format=html`, { as: assistant })).body,
      /cookies/,
    );
    const patient = (
      await call(t, 'POST', `/api/v1/practices/${practiceId}/patients`, {
        as: assistant,
        body: { lastName: 'Roux', firstName: 'Inès', birthDate: '1990-03-04' },
      })
    ).json().id;
    const overview = (await call(t, 'GET', `/api/v1/practices/${practiceId}/notices`, { as: assistant })).json();
    const v2 = overview.versions.find(
      (v: { kind: string; version: number }) => v.kind === 'patient' && v.version === 2,
    );
    const given = await call(t, 'POST', `/api/v1/practices/${practiceId}/notices/distributions`, {
      as: assistant,
      body: { versionId: v2.id, channel: 'given_to_patient', on: '2026-01-15', patientId: patient },
    });
    assert.equal(given.statusCode, 201, given.body);
    const future = await call(t, 'POST', `/api/v1/practices/${practiceId}/notices/distributions`, {
      as: assistant,
      body: { versionId: v2.id, channel: 'posted_waiting_room', on: '2027-01-01' },
    });
    assert.deepEqual([future.statusCode, future.json().issues[0].path], [400, 'on']);
    const after = (await call(t, 'GET', `/api/v1/practices/${practiceId}/notices`, { as: auditor })).json();
    assert.deepEqual(
      after.distributions.map((d: { channel: string; patientId: string; version: number }) => [
        d.channel,
        d.patientId,
        d.version,
      ]),
      [['given_to_patient', patient, 2]],
    );
  });

  it('answers an access request with the Art. 15 information drawn from the validated register', async () => {
    const r = (
      await call(t, 'POST', `/api/v1/practices/${practiceId}/rights-requests`, {
        as: assistant,
        body: {
          kind: 'access',
          receivedOn: '2026-01-15',
          channel: 'email',
          requester: { name: 'Inès Roux', relation: 'self' },
        },
      })
    ).json();
    const d = await call(t, 'POST', `/api/v1/practices/${practiceId}/rights-requests/${r.id}/decision`, {
      as: owner,
      body: {
        on: '2026-01-15',
        items: [{ subject: 'art15_information', verdict: 'carried_out', ground: 'art15_answered' }],
      },
    });
    assert.equal(d.statusCode, 200, d.body);
    const letter = (
      await call(
        t,
        'GET',
        `/api/v1/practices/${practiceId}/rights-requests/${r.id}/letters/${d.json().letters[0].id}?format=txt`,
        { as: owner },
      )
    ).body;
    assert.match(
      letter,
      /Finalités et bases légales : .*Tenue du dossier médical et suivi des soins \(Obligation légale/,
    );
    assert.match(letter, /Logos_w|Éditeur du logiciel/);
  });

  it('keeps the register out of reach of a trainee and of another practice', async () => {
    const trainee = await login(t, (await addMember(t, practiceId, 'trainee')).email);
    assert.equal((await call(t, 'GET', url('/activities'), { as: trainee })).statusCode, 403);
    const other = await createPractice(t, 'Cabinet Voisin');
    const stranger = await login(t, other.ownerEmail);
    assert.equal((await call(t, 'GET', url(`/activities/${ids.staff}`), { as: stranger })).statusCode, 404);
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${other.practiceId}/register/activities/${ids.staff}`, { as: stranger }))
        .statusCode,
      404,
    );
  });
  it('lists the review in the to-do list sixty days before it falls due', async () => {
    const before = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner })).json().items as {
      kind: string;
    }[];
    assert.ok(!before.some((i) => i.kind === 'register_review'));
    t.clock.advance(320 * 86_400_000);
    const later = await login(t, auditorEmail, STRONG_PASSWORD, { totpSecret: auditor.totpSecret! });
    const items = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: later })).json().items as {
      kind: string;
      subject: string;
    }[];
    assert.ok(items.filter((i) => i.kind === 'register_review').length >= 7);
  });
});
