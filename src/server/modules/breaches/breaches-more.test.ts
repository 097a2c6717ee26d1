import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { auditEntries, call, createPractice, login, type Client, type TestApp } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { parseCsv, pdfText, readXlsx } from '../../../../test/support/documents.js';

/** The test clock stands on Thursday 15 January 2026, 09:00 UTC (10:00 in Paris). */
import { breachesFixture } from './breaches.fixture.js';

describeEachDialect('personal data breaches (continued)', (dialect) => {
  const { f, url, report, veryHigh, low } = breachesFixture(dialect);
  let t: TestApp;
  let practiceId: string;
  let owner: Client;
  let assistant: Client;
  let auditor: Client;
  before(() => {
    ({ t, practiceId, owner, assistant, auditor } = f);
  });

  it('decision path "notify the CNIL" (medium risk): people not informed, the CNIL draft says so', async () => {
    const b = (
      await report({
        title: 'Courriel envoyé au mauvais patient',
        nature: ['confidentiality'],
        circumstances: ['wrong_recipient'],
        approxPeople: 1,
        dataCategories: ['identity', 'health'],
      })
    ).json();
    const s = (
      await call(t, 'PUT', url(`/${b.id}/assessment`), {
        as: assistant,
        body: { ...low, ease: 'limited', confidentiality: 'known_recipients', availability: 'none' },
      })
    ).json().severity;
    assert.deepEqual([s.score, s.band, s.proposedDecision], [2.25, 'medium', 'notify_authority']);
    assert.equal(
      (await call(t, 'POST', url(`/${b.id}/decision`), { as: owner, body: { decision: 'notify_authority' } }))
        .statusCode,
      200,
    );
    const draft = (await call(t, 'GET', url(`/${b.id}/cnil-draft`), { as: assistant })).json();
    const field = (block: string, label: string) =>
      draft.blocks
        .find((x: { key: string }) => x.key === block)
        .fields.find((f: { label: string }) => f.label === label)?.value;
    assert.equal(field('information', 'Les personnes ont-elles été informées ?'), 'Non, elles ne le seront pas');
    assert.equal(field('nature', 'Origine de l’incident'), 'Données personnelles envoyées à un mauvais destinataire');
    assert.equal(field('timeline', 'Prise de connaissance (début du délai de 72 heures)'), '14/01/2026 08:30');
    assert.ok(draft.missing.includes('SIREN'), 'the practice has no SIREN yet: the draft says it is missing');
    const txt = await call(t, 'GET', url(`/${b.id}/cnil-draft/file?format=txt`), { as: assistant });
    assert.match(txt.body, /== Organisme ==/);
    const pdf = await call(t, 'GET', url(`/${b.id}/cnil-draft/file?format=pdf`), { as: auditor });
    assert.match(await pdfText(pdf.rawPayload), /Brouillon de notification à la CNIL/);
    const work = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner })).json().items as {
      kind: string;
      targetId: string;
    }[];
    assert.deepEqual(
      work.filter((i) => i.targetId === b.id).map((i) => i.kind),
      ['breach_notify'],
    );
  });

  it('Art. 34(3)(c): disproportionate effort makes the public communication a task until it is recorded', async () => {
    const b = (await report({ title: 'Fichier de rendez-vous exposé' })).json();
    assert.equal((await call(t, 'PUT', url(`/${b.id}/assessment`), { as: assistant, body: veryHigh })).statusCode, 200);
    const decided = await call(t, 'POST', url(`/${b.id}/decision`), {
      as: owner,
      body: {
        decision: 'notify_authority',
        peopleException: 'disproportionate_effort',
        reason: 'Coordonnées de la plupart des patients inconnues',
      },
    });
    assert.equal(decided.statusCode, 200, decided.body);
    const kinds = async () =>
      (
        (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner })).json().items as {
          targetId: string;
          kind: string;
        }[]
      )
        .filter((i) => i.targetId === b.id)
        .map((i) => i.kind);
    assert.ok((await kinds()).includes('breach_public_communication'));
    const published = await call(t, 'POST', url(`/${b.id}/people-informed`), {
      as: assistant,
      body: {
        informedOn: '2026-01-15',
        channel: 'public_communication',
        recipients: 'Avis sur le site du cabinet et en salle d’attente',
        peopleCount: 1200,
      },
    });
    assert.equal(published.statusCode, 200, published.body);
    assert.ok(!(await kinds()).includes('breach_public_communication'));
  });

  it('decision path "record only": needs its reasons, then no notification can be recorded', async () => {
    const b = (
      await report({
        title: 'Clé USB chiffrée perdue',
        nature: ['availability'],
        circumstances: ['lost_or_stolen_device'],
        encrypted: true,
        approxPeople: 300,
      })
    ).json();
    const s = (await call(t, 'PUT', url(`/${b.id}/assessment`), { as: assistant, body: low })).json().severity;
    assert.deepEqual([s.band, s.proposedDecision, s.flags], ['low', 'record_only', ['over_100_people', 'encrypted']]);
    const bare = await call(t, 'POST', url(`/${b.id}/decision`), { as: owner, body: { decision: 'record_only' } });
    assert.deepEqual(
      [bare.statusCode, bare.json().issues[0].path, bare.json().issues[0].code],
      [400, 'reason', 'not_notifying_needs_reasons'],
    );
    assert.equal(
      (
        await call(t, 'POST', url(`/${b.id}/decision`), {
          as: owner,
          body: {
            decision: 'record_only',
            reason: 'Clé chiffrée (AES-256), mot de passe non compromis, copie intacte au cabinet.',
          },
        })
      ).statusCode,
      200,
    );
    const refused = await call(t, 'POST', url(`/${b.id}/notifications`), {
      as: assistant,
      body: { kind: 'initial', notifiedAt: '2026-01-15T08:00:00Z' },
    });
    assert.deepEqual([refused.statusCode, refused.json().issues[0].code], [409, 'decision_not_to_notify']);
    const work = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner })).json().items as {
      targetId: string;
    }[];
    assert.ok(!work.some((i) => i.targetId === b.id), 'nothing to notify');
  });

  it('a notification after the 72 hours needs the reasons for the delay (Art. 33(1))', async () => {
    const b = (
      await report({
        title: 'Dossiers papier volés',
        awareAt: '2026-01-10T10:00:00+01:00',
        nature: ['confidentiality'],
        circumstances: ['lost_or_stolen_paper'],
      })
    ).json();
    assert.equal(b.notifyBy, '2026-01-13T09:00:00.000Z');
    await call(t, 'POST', url(`/${b.id}/decision`), { as: owner, body: { decision: 'notify_authority' } });
    const bare = await call(t, 'POST', url(`/${b.id}/notifications`), {
      as: assistant,
      body: { kind: 'initial', notifiedAt: '2026-01-14T10:00:00+01:00' },
    });
    assert.deepEqual(
      [bare.statusCode, bare.json().issues[0].path, bare.json().issues[0].code],
      [400, 'delayReasons', 'late_needs_reasons'],
    );
    assert.match(bare.json().issues[0].message, /72 heures/);
    const late = await call(t, 'POST', url(`/${b.id}/notifications`), {
      as: assistant,
      body: {
        kind: 'initial',
        notifiedAt: '2026-01-14T10:00:00+01:00',
        delayReasons: 'Le cabinet était fermé (congés) ; le vol a été constaté au retour.',
      },
    });
    assert.equal(late.statusCode, 200, late.body);
    assert.equal(late.json().notifications[0].late, true);
    const before = await call(t, 'POST', url(`/${b.id}/notifications`), {
      as: assistant,
      body: { kind: 'complementary', notifiedAt: '2026-01-09T10:00:00Z' },
    });
    assert.deepEqual([before.statusCode, before.json().issues[0].code], [400, 'before_awareness']);
  });

  it('keeps roles apart: the auditor reads and exports but cannot report; another practice’s breach answers 404', async () => {
    assert.equal((await report({}, auditor)).statusCode, 403);
    const other = await createPractice(t, 'Cabinet Voisin');
    const otherOwner = await login(t, other.ownerEmail);
    const theirs = (
      await call(t, 'POST', `/api/v1/practices/${other.practiceId}/breaches`, {
        as: otherOwner,
        body: {
          title: 'Vol',
          awareAt: '2026-01-15T07:00:00Z',
          nature: ['confidentiality'],
          circumstances: ['other'],
          dataCategories: [],
        },
      })
    ).json();
    const res = await call(t, 'GET', url(`/${theirs.id}`), { as: owner });
    assert.equal(res.statusCode, 404);
  });

  it('exports the register with no breach: each format says none was recorded as of today', async () => {
    const empty = await createPractice(t, 'Cabinet Sans Incident');
    const o = await login(t, empty.ownerEmail);
    const u = `/api/v1/practices/${empty.practiceId}/breaches/export`;
    const pdf = await call(t, 'GET', `${u}?format=pdf`, { as: o });
    assert.equal(pdf.statusCode, 200);
    assert.match(pdf.headers['content-disposition'] as string, /registre-violations-2026-01-15\.pdf/);
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    assert.match(text, /Aucune violation de données personnelles n’a été enregistrée au 15\/01\/2026/);
    assert.match(text, /Registre des violations de données personnelles/);
    const csv = parseCsv((await call(t, 'GET', `${u}?format=csv`, { as: o })).body);
    assert.equal(csv.length, 2);
    assert.match(csv[1]![1]!, /Aucune violation/);
    const xlsx = await readXlsx((await call(t, 'GET', `${u}?format=xlsx`, { as: o })).rawPayload);
    assert.match(xlsx[1]![1]!, /Aucune violation/);
    const en = await call(t, 'GET', `${u}?format=csv`, { as: o, headers: { 'accept-language': 'en' } });
    assert.match(en.body, /No personal data breach was recorded as of 2026-01-15/);
    assert.ok((await auditEntries(t, empty.practiceId)).some((e) => e.action === 'breach.register-exported'));
  });

  it('exports the register with several breaches: every breach in PDF (accents intact), CSV and XLSX read back, formulas neutralised', async () => {
    await report({ title: '=HYPERLINK("http://evil.example","clic")', description: '+33 6 12 34 56 78 a appelé' });
    const list = (await call(t, 'GET', url('?limit=200'), { as: auditor })).json();
    assert.ok(list.total >= 5);
    const csv = parseCsv((await call(t, 'GET', url('/export?format=csv'), { as: auditor })).body);
    assert.equal(csv.length, list.total + 1);
    assert.equal(csv[0]![4], 'Prise de connaissance');
    const evil = csv.find((r) => r[1]!.includes('HYPERLINK'))!;
    assert.equal(evil[1], `'=HYPERLINK("http://evil.example","clic")`);
    assert.equal(evil[15], `'+33 6 12 34 56 78 a appelé`);
    const xlsx = await readXlsx((await call(t, 'GET', url('/export?format=xlsx'), { as: auditor })).rawPayload);
    assert.equal(xlsx.length, list.total + 1);
    assert.ok(xlsx.some((r) => r[1] === `'=HYPERLINK("http://evil.example","clic")`));
    assert.ok(xlsx.some((r) => r[20] === 'Inscription au registre seulement (risque improbable)'));
    const text = (await pdfText((await call(t, 'GET', url('/export?format=pdf'), { as: auditor })).rawPayload)).replace(
      /\s+/g,
      ' ',
    );
    for (const title of list.items.map((b: { title: string }) => b.title))
      assert.ok(text.includes(title.slice(0, 30)), title);
    for (const word of [
      'Clôturée',
      'Décision',
      'Échéance 72 h',
      'Rançongiciel',
      'Données de santé',
      'Notification initiale',
    ])
      assert.ok(text.includes(word), word);
  });
});
