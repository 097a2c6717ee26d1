import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { auditEntries, call, type Client, type TestApp } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { parseCsv as csvRows, pdfText, readXlsx as xlsxRows } from '../../../../test/support/documents.js';

import { answersFixture } from './request-answers.fixture.js';

describeEachDialect('answering rights requests: decisions, letters, files, register', (dialect) => {
  const { f, url, patientUrl, create, patient, decide, detail, letterText } = answersFixture(dialect);
  let t: TestApp;
  let practiceId: string;
  let owner: Client;
  let assistant: Client;
  before(() => {
    ({ t, practiceId, owner, assistant } = f);
  });

  it('access: the proposal, the answer with the Art. 15 information and the free first copy, the letter in the log, the audit entry', async () => {
    const r = await create({ kind: 'access', patientId: await patient() });
    const open = await detail(r.id);
    assert.deepEqual(
      open.proposal.items.map((i: { subject: string; verdict: string }) => `${i.subject}:${i.verdict}`),
      ['art15_information:carried_out', 'copy:carried_out'],
    );
    const items = open.proposal.items.map(({ subject, verdict, ground }: Record<string, string>) => ({
      subject,
      verdict,
      ground,
    }));
    assert.equal((await decide(r.id, { items }, assistant)).statusCode, 403);
    const res = await decide(r.id, { items, note: 'Copie du dossier remise sur clé USB chiffrée.' });
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json();
    assert.deepEqual([d.status, d.closedOn, d.proposal, d.decision.items.length], ['answered', '2026-01-15', null, 2]);
    assert.equal(d.letters.length, 1);
    assert.deepEqual([d.letters[0].kind, d.letters[0].sentOn], ['answer', null]);
    const text = await letterText(r.id, d.letters[0].id);
    assert.match(text, /Réponse à votre demande d’accès/);
    assert.match(text, /article 15 du RGPD/);
    assert.match(text, /première copie est gratuite/);
    assert.match(text, /clé USB chiffrée/);
    assert.doesNotMatch(text, /former un recours/, 'nothing refused: no complaint paragraph');
    // Art. 15(1)(e)–(f): the right to erasure and the right to complain to the CNIL are part of the answer.
    assert.match(text, /la rectification ou l’effacement de vos données/);
    assert.match(text, /Vous pouvez introduire une réclamation auprès de la CNIL/);
    // A French letter: letterhead, addressee, place and date, subject, salutation without the name, summary first, signature.
    const lines = text.split('\r\n');
    assert.deepEqual(lines.slice(0, 7), [
      'Cabinet des Tilleuls',
      '',
      'Inès Moreau',
      '',
      'le 15 janvier 2026',
      '',
      'Objet : Réponse à votre demande d’accès à vos données',
    ]);
    assert.ok(lines.includes('Madame, Monsieur,'));
    assert.doesNotMatch(text, /Madame, Monsieur Inès/);
    assert.ok(
      text.indexOf('En résumé') < text.indexOf('article 15 du RGPD'),
      'the plain summary before the legal detail',
    );
    assert.match(
      text,
      /Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées\.\r\n\r\nClaire Martin/,
    );
    const pdf = await call(t, 'GET', url(`/${r.id}/letters/${d.letters[0].id}`), { as: owner });
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const pdfBody = await pdfText(pdf.rawPayload);
    assert.match(pdfBody, /Finalités/);
    assert.match(pdfBody, /le 15 janvier 2026/);
    assert.ok(
      pdfBody.lastIndexOf('Claire Martin') > pdfBody.indexOf('salutations distinguées'),
      'signed after the closing formula',
    );
    const entry = (await auditEntries(t, practiceId)).find(
      (e) => e.action === 'request.decided' && e.target_id === r.id,
    );
    assert.ok(entry);
    assert.equal(JSON.parse(entry.details).outcome, 'answered');
    assert.ok(!entry.details.includes('Moreau'));
    const again = await decide(r.id, { items });
    assert.deepEqual([again.statusCode, again.json().issues[0].code], [409, 'request_closed']);
  });

  it('erasure: the medical record refused during its retention, marketing erased at once (flag cleared), reasons to depart from the proposal', async () => {
    const pid = await patient({ lastCareOn: '2025-06-01' });
    const r = await create({ kind: 'erasure', patientId: pid });
    const open = await detail(r.id);
    assert.equal(open.proposal.retentionEndsOn, '2045-06-01');
    const medical = open.proposal.items.find((i: { subject: string }) => i.subject === 'medical_record');
    assert.deepEqual([medical.verdict, medical.ground], ['refused', 'art17_3_retention']);
    const departs = await decide(r.id, {
      items: [{ subject: 'medical_record', verdict: 'carried_out', ground: 'other' }],
    });
    assert.deepEqual([departs.statusCode, departs.json().issues[0].path], [400, 'items.0.reasons']);
    const wrongGround = await decide(r.id, {
      items: [{ subject: 'medical_record', verdict: 'refused', ground: 'art21_3_marketing' }],
    });
    assert.deepEqual([wrongGround.statusCode, wrongGround.json().issues[0].code], [400, 'ground_not_allowed']);
    const foreign = await decide(r.id, {
      items: [{ subject: 'portability', verdict: 'not_applicable', ground: 'art20_not_applicable' }],
    });
    assert.deepEqual([foreign.statusCode, foreign.json().issues[0].code], [400, 'subject_not_for_kind']);
    assert.equal(
      (await call(t, 'GET', patientUrl(pid), { as: owner })).json().marketingConsent,
      true,
      'a refused decision changed nothing',
    );
    const res = await decide(r.id, {
      items: [
        { subject: 'medical_record', verdict: 'refused', ground: 'art17_3_retention' },
        { subject: 'marketing', verdict: 'carried_out', ground: 'art17_1_erased' },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'answered');
    assert.deepEqual(res.json().decision.items[1].effect, { flag: 'marketingConsent', value: false });
    assert.equal((await call(t, 'GET', patientUrl(pid), { as: owner })).json().marketingConsent, false);
    const text = await letterText(r.id, res.json().letters[0].id);
    assert.match(text, /ne peut pas être effacé/);
    assert.match(text, /01\/06\/2045/);
    assert.match(text, /réclamation auprès de la CNIL/, 'a refused item brings the right to complain (Art. 12(4))');
    // Only what was erased is listed as erased; what is kept is said apart, with its reason.
    const erased = text.slice(text.indexOf('Ce que nous avons effacé'), text.indexOf('Ce que nous conservons'));
    assert.match(erased, /Communications non liées à vos soins/);
    assert.doesNotMatch(erased, /dossier médical/i);
  });

  it('"sans objet": nothing held is an answer, not a refusal; the salutation follows the civility, the letter is addressed', async () => {
    const r = await create({
      kind: 'erasure',
      requester: {
        name: 'Amélie Lefèvre',
        relation: 'self',
        civility: 'madame',
        address: '4 rue des Lilas\n29200 Brest',
      },
    });
    const res = await decide(r.id, {
      items: [
        {
          subject: 'commercial_photos',
          verdict: 'not_applicable',
          ground: 'nothing_held',
          reasons: 'Aucune photographie hors soins',
        },
        { subject: 'marketing', verdict: 'not_applicable', ground: 'nothing_held', reasons: 'Aucune communication' },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'answered');
    const text = await letterText(r.id, res.json().letters[0].id);
    assert.ok(text.includes('Amélie Lefèvre\r\n4 rue des Lilas\r\n29200 Brest'), 'the addressee block');
    assert.ok(text.includes('\r\nMadame,\r\n'));
    assert.match(text, /Nous vous prions d’agréer, Madame, l’expression/);
    assert.match(
      text,
      /aucune donnée de ce type vous concernant : photographies prises hors de vos soins, communications non liées à vos soins/,
    );
    assert.doesNotMatch(text, /Ce que nous avons effacé|former un recours/);
  });

  it('objection: care refused (Art. 21(1) does not apply), marketing and SMS reminders honoured, marketing never refusable; a flag needs a patient', async () => {
    const r = await create({ kind: 'objection' });
    const absolute = await decide(r.id, {
      items: [{ subject: 'marketing', verdict: 'refused', ground: 'other', reasons: 'Non' }],
    });
    assert.deepEqual([absolute.statusCode, absolute.json().issues[0].code], [400, 'marketing_objection_absolute']);
    const items = [
      { subject: 'care', verdict: 'refused', ground: 'art21_care_not_applicable' },
      { subject: 'care_sharing', verdict: 'carried_out', ground: 'csp_l1110_4_sharing' },
      { subject: 'marketing', verdict: 'carried_out', ground: 'art21_3_marketing' },
      { subject: 'sms_reminders', verdict: 'carried_out', ground: 'art21_1_reminders' },
    ];
    const noPatient = await decide(r.id, { items });
    assert.deepEqual(
      [noPatient.statusCode, noPatient.json().issues[0].path, noPatient.json().issues[0].code],
      [400, 'patientId', 'patient_required_for_effect'],
    );
    const pid = await patient();
    const res = await decide(r.id, { items, patientId: pid });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().patientId, pid);
    const p = (await call(t, 'GET', patientUrl(pid), { as: owner })).json();
    assert.deepEqual([p.marketingConsent, p.objectsToSms], [false, true]);
    const entry = (await auditEntries(t, practiceId)).find(
      (e) => e.action === 'request.decided' && e.target_id === r.id,
    )!;
    assert.deepEqual(JSON.parse(entry.details).effects, [
      { flag: 'marketingConsent', value: false },
      { flag: 'objectsToSms', value: true },
    ]);
  });

  it('exports the requests register as PDF, CSV and XLSX with each decision and letter', async () => {
    const pdf = await call(t, 'GET', url('/export'), { as: owner });
    assert.equal(pdf.statusCode, 200, pdf.body);
    const text = await pdfText(pdf.rawPayload);
    assert.match(text, /Registre des demandes d’exercice des droits/);
    assert.match(text, /Effacement/);
    const csv = csvRows((await call(t, 'GET', url('/export?format=csv'), { as: owner })).body);
    assert.deepEqual(csv[0]!.slice(0, 3), ['N°', 'Reçue le', 'Type']);
    const erasure = csv.find((row) => row[2] === 'Effacement' && row[9] === 'Répondue')!;
    assert.match(erasure[11]!, /Dossier médical : refusé ; Communications hors soins : fait/);
    assert.match(erasure[13]!, /Réponse \(non envoyé\)/);
    const xlsx = await call(t, 'GET', url('/export?format=xlsx'), { as: owner, headers: { 'accept-language': 'en' } });
    const rows = await xlsxRows(xlsx.rawPayload);
    assert.deepEqual(rows[0]!.slice(0, 3), ['No.', 'Received', 'Kind']);
    assert.equal(rows.length - 1, csv.length - 1);
  });
});
