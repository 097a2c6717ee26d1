import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { auditEntries, call, createPractice, login, type Client, type TestApp } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { parseCsv as csvRows, pdfText, unzip } from '../../../../test/support/documents.js';

import { answersFixture } from './request-answers.fixture.js';

describeEachDialect('answering rights requests: decisions, letters, files, register (continued)', (dialect) => {
  const { f, url, patientUrl, create, patient, decide, detail, letterText } = answersFixture(dialect);
  let t: TestApp;
  let practiceId: string;
  let owner: Client;
  let assistant: Client;
  before(() => {
    ({ t, practiceId, owner, assistant } = f);
  });

  it('restriction: sets the flag; lifting needs the notice letter sent first (Art. 18(3)), then clears it', async () => {
    const pid = await patient();
    const r = await create({ kind: 'restriction', patientId: pid });
    const res = await decide(r.id, {
      items: [{ subject: 'restriction', verdict: 'carried_out', ground: 'art18_restricted' }],
      on: '2026-01-12',
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await call(t, 'GET', patientUrl(pid), { as: owner })).json().isRestricted, true);
    const viaForm = await call(t, 'PATCH', patientUrl(pid), { as: owner, body: { isRestricted: false } });
    assert.deepEqual(
      [viaForm.statusCode, viaForm.json().issues[0].code],
      [409, 'restriction_lift_via_request'],
      'the patient form cannot skip the notice',
    );
    const early = await call(t, 'POST', url(`/${r.id}/restriction-lift`), {
      as: owner,
      body: { liftedOn: '2026-01-15' },
    });
    assert.deepEqual([early.statusCode, early.json().issues[0].code], [409, 'lift_notice_not_sent']);
    const notice = await call(t, 'POST', url(`/${r.id}/letters`), {
      as: assistant,
      body: { kind: 'restriction_lift' },
    });
    assert.equal(notice.statusCode, 201, notice.body);
    assert.match(await letterText(r.id, notice.json().id), /article 18, paragraphe 3/);
    const sent = await call(t, 'POST', url(`/${r.id}/letters/${notice.json().id}/sent`), {
      as: assistant,
      body: { sentOn: '2026-01-15', channel: 'registered_letter' },
    });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.deepEqual([sent.json().sentOn, sent.json().sentChannel], ['2026-01-15', 'registered_letter']);
    const twice = await call(t, 'POST', url(`/${r.id}/letters/${notice.json().id}/sent`), {
      as: assistant,
      body: { sentOn: '2026-01-15', channel: 'email' },
    });
    assert.deepEqual([twice.statusCode, twice.json().issues[0].code], [409, 'letter_already_sent']);
    assert.equal(
      (await call(t, 'POST', url(`/${r.id}/restriction-lift`), { as: assistant, body: { liftedOn: '2026-01-15' } }))
        .statusCode,
      403,
    );
    const lifted = await call(t, 'POST', url(`/${r.id}/restriction-lift`), {
      as: owner,
      body: { liftedOn: '2026-01-15' },
    });
    assert.equal(lifted.statusCode, 200, lifted.body);
    assert.equal(lifted.json().restrictionLiftedOn, '2026-01-15');
    assert.equal((await call(t, 'GET', patientUrl(pid), { as: owner })).json().isRestricted, false);
    const again = await call(t, 'POST', url(`/${r.id}/restriction-lift`), {
      as: owner,
      body: { liftedOn: '2026-01-15' },
    });
    assert.deepEqual([again.statusCode, again.json().issues[0].code], [409, 'no_restriction_in_force']);
    const actions = (await auditEntries(t, practiceId)).filter((e) => e.target_id === r.id).map((e) => e.action);
    for (const a of [
      'request.decided',
      'request.letter-generated',
      'request.letter-sent',
      'request.restriction-lifted',
    ])
      assert.ok(actions.includes(a), a);
  });

  it('rectification, portability served, a refusal as manifestly excessive: the letter of each, a withdrawal', async () => {
    const rect = await create({ kind: 'rectification' });
    const r1 = await decide(rect.id, {
      items: [{ subject: 'rectification', verdict: 'carried_out', ground: 'art16_rectified' }],
      note: 'Adresse corrigée : 3 rue des Lilas.',
    });
    assert.equal(r1.statusCode, 200, r1.body);
    assert.match(await letterText(rect.id, r1.json().letters[0].id), /logiciel de gestion du cabinet/);
    const port = await create({ kind: 'portability' });
    const r2 = await decide(port.id, {
      items: [
        {
          subject: 'portability',
          verdict: 'carried_out',
          ground: 'art20_served',
          reasons: 'Données de prise de rendez-vous en ligne fournies par la patiente',
        },
      ],
    });
    assert.equal(r2.statusCode, 200, r2.body);
    assert.match(await letterText(port.id, r2.json().letters[0].id), /lisible par machine/);
    const excessive = await create({ kind: 'access' });
    const bare = await decide(excessive.id, {
      items: [{ subject: 'art15_information', verdict: 'refused', ground: 'art12_5_manifestly_unfounded' }],
    });
    assert.deepEqual([bare.statusCode, bare.json().issues[0].code], [400, 'reasons_required']);
    const r3 = await decide(excessive.id, {
      items: [
        {
          subject: 'art15_information',
          verdict: 'refused',
          ground: 'art12_5_manifestly_unfounded',
          reasons: 'Cinquième demande identique en un mois, déjà satisfaite le 2 janvier.',
        },
      ],
      language: 'en',
    });
    assert.equal(r3.statusCode, 200, r3.body);
    assert.deepEqual(
      [r3.json().status, r3.json().letters[0].kind, r3.json().letters[0].language],
      ['refused', 'refusal', 'en'],
    );
    const en = await letterText(excessive.id, r3.json().letters[0].id);
    assert.match(en, /manifestly unfounded or excessive/);
    assert.match(en, /complaint with the CNIL/);
    const w = await create({ kind: 'erasure' });
    const withdrawn = await call(t, 'POST', url(`/${w.id}/status`), {
      as: assistant,
      body: { status: 'withdrawn', on: '2026-01-15' },
    });
    assert.deepEqual([withdrawn.statusCode, withdrawn.json().status], [200, 'withdrawn']);
    const answeredByStatus = await call(t, 'POST', url(`/${rect.id}/status`), {
      as: owner,
      body: { status: 'answered', on: '2026-01-15' },
    });
    assert.deepEqual([answeredByStatus.statusCode, answeredByStatus.json().issues[0].path], [400, 'status']);
  });

  it('letters before the answer: acknowledgement, identity request, extension; each only when it makes sense', async () => {
    const r = await create({ kind: 'erasure', requester: { name: 'Paul Moreau', relation: 'legal_representative' } });
    const ack = await call(t, 'POST', url(`/${r.id}/letters`), { as: assistant, body: { kind: 'acknowledgement' } });
    assert.equal(ack.statusCode, 201, ack.body);
    assert.match(await letterText(r.id, ack.json().id), /au plus tard le 09\/02\/2026/);
    const id = await call(t, 'POST', url(`/${r.id}/letters`), { as: assistant, body: { kind: 'identity_request' } });
    const idText = await letterText(r.id, id.json().id);
    assert.match(idText, /pièce d’identité/);
    assert.match(idText, /document qui vous y autorise/, 'a representative is asked for their authority');
    const noExt = await call(t, 'POST', url(`/${r.id}/letters`), { as: assistant, body: { kind: 'extension' } });
    assert.deepEqual([noExt.statusCode, noExt.json().issues[0].code], [409, 'letter_needs_extension']);
    const noAnswer = await call(t, 'POST', url(`/${r.id}/letters`), { as: assistant, body: { kind: 'answer' } });
    assert.deepEqual([noAnswer.statusCode, noAnswer.json().issues[0].code], [409, 'letter_needs_answer']);
    await call(t, 'POST', url(`/${r.id}/extension`), {
      as: owner,
      body: { reason: 'la recherche de vos données dans nos archives papier', notifiedOn: '2026-01-15' },
    });
    const ext = await call(t, 'POST', url(`/${r.id}/letters`), { as: assistant, body: { kind: 'extension' } });
    assert.match(await letterText(r.id, ext.json().id), /deux mois.*08\/04\/2026/s);
    const future = await call(t, 'POST', url(`/${r.id}/letters/${ack.json().id}/sent`), {
      as: assistant,
      body: { sentOn: '2026-01-16', channel: 'letter' },
    });
    assert.deepEqual([future.statusCode, future.json().issues[0].path], [400, 'sentOn']);
    const d = await detail(r.id);
    assert.deepEqual(
      d.letters.map((l: { kind: string }) => l.kind),
      ['acknowledgement', 'identity_request', 'extension'],
    );
  });

  it('files: stored encrypted, downloaded intact, bundled into a ZIP with an index of sizes and SHA-256 and the letters as PDF', async () => {
    const r = await create({ kind: 'access' });
    const secret = Buffer.from('Compte rendu de soins — Inès Moreau — radiographie panoramique', 'utf8');
    const upload = (body: unknown, name = 'compte-rendu.txt', as = assistant) =>
      t.app.inject({
        method: 'POST',
        url: url(`/${r.id}/files?name=${encodeURIComponent(name)}`),
        headers: {
          cookie: `__Host-gardien_session=${as.cookie}`,
          'x-csrf-token': as.csrf,
          'content-type': 'application/octet-stream',
        },
        payload: body as Buffer,
      });
    const up = await upload(secret);
    assert.equal(up.statusCode, 201, up.body);
    const f = up.json();
    assert.deepEqual([f.name, f.mediaType, f.size], ['compte-rendu.txt', 'text/plain', secret.length]);
    const stored = await t.database.db
      .selectFrom('request_files')
      .select('content')
      .where('id', '=', f.id)
      .executeTakeFirstOrThrow();
    assert.ok(
      !stored.content.includes('Moreau') && !Buffer.from(stored.content).includes(secret),
      'the content is sealed at rest',
    );
    const empty = await upload(Buffer.alloc(0));
    assert.deepEqual([empty.statusCode, empty.json().issues[0].path], [400, 'file']);
    const json = await call(t, 'POST', url(`/${r.id}/files?name=x.txt`), { as: assistant, body: { content: 'x' } });
    assert.deepEqual([json.statusCode, json.json().issues[0].code], [400, 'file_required']);
    t.clock.advance(1000); // files are listed in the order they arrived
    const twin = (await upload(Buffer.from('seconde pièce'), 'compte-rendu.txt')).json();
    const down = await call(t, 'GET', url(`/${r.id}/files/${f.id}`), { as: owner });
    assert.deepEqual(down.rawPayload, secret);
    const items = (await detail(r.id)).proposal.items.map(({ subject, verdict, ground }: Record<string, string>) => ({
      subject,
      verdict,
      ground,
    }));
    const answered = await decide(r.id, { items });
    await call(t, 'POST', url(`/${r.id}/letters/${answered.json().letters[0].id}/sent`), {
      as: assistant,
      body: { sentOn: '2026-01-15', channel: 'secure_messaging' },
    });
    const zipRes = await call(t, 'GET', url(`/${r.id}/answer.zip`), { as: owner });
    assert.equal(zipRes.statusCode, 200, zipRes.body);
    assert.equal(zipRes.headers['content-type'], 'application/zip');
    const entries = await unzip(zipRes.rawPayload);
    assert.deepEqual(entries.get('fichiers/compte-rendu.txt'), secret);
    assert.deepEqual(entries.get('fichiers/2-compte-rendu.txt'), Buffer.from('seconde pièce'));
    const index = entries.get('index.txt')!.toString('utf8');
    assert.match(index, new RegExp(`fichiers/compte-rendu.txt ; ${secret.length} ; ${f.sha256}`));
    assert.match(index, /courriers\/2026-01-15-Réponse\.pdf ; \d+ ; [0-9a-f]{64} ; envoyé le 2026-01-15/);
    assert.ok(entries.has('courriers/2026-01-15-Réponse.pdf'));
    const del = await call(t, 'DELETE', url(`/${r.id}/files/${twin.id}`), { as: assistant });
    assert.deepEqual(
      [del.statusCode, del.json().issues[0].code],
      [409, 'request_closed'],
      'the answer sent stays as it was',
    );
    const audit = (await auditEntries(t, practiceId)).filter((e) => e.target_id === r.id).map((e) => e.action);
    for (const a of ['request.file-uploaded', 'request.file-downloaded', 'request.answer-bundled'])
      assert.ok(audit.includes(a), a);
  });

  it('an empty register says so in each format', async () => {
    const other = await createPractice(t, 'Cabinet Neuf');
    const o = await login(t, other.ownerEmail);
    const csv = csvRows(
      (await call(t, 'GET', `/api/v1/practices/${other.practiceId}/rights-requests/export?format=csv`, { as: o })).body,
    );
    assert.match(csv[1]![1]!, /Aucune demande n’a été enregistrée au 15\/01\/2026/);
    const pdf = await call(t, 'GET', `/api/v1/practices/${other.practiceId}/rights-requests/export`, { as: o });
    assert.match(await pdfText(pdf.rawPayload), /Aucune demande/);
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${other.practiceId}/rights-requests/export`, { as: owner })).statusCode,
      404,
    );
  });
});
