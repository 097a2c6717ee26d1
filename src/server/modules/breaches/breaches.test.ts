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
import { parseCsv, pdfPages, pdfText, readXlsx } from '../../../../test/support/documents.js';

/** The test clock stands on Thursday 15 January 2026, 09:00 UTC (10:00 in Paris). */
describeEachDialect('personal data breaches', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let owner: Client;
  let assistant: Client;
  let auditor: Client;
  const url = (p = '') => `/api/v1/practices/${practiceId}/breaches${p}`;
  const report = (body: Record<string, unknown> = {}, as = assistant) =>
    call(t, 'POST', url(), {
      as,
      body: {
        title: 'Rançongiciel sur le poste de l’accueil',
        awareAt: '2026-01-14T08:30:00+01:00',
        nature: ['availability', 'confidentiality'],
        circumstances: ['ransomware'],
        dataCategories: ['identity', 'health'],
        approxPeople: 1200,
        ...body,
      },
    });
  const veryHigh = {
    dpcCategory: 'sensitive',
    dpcScore: 4,
    ease: 'maximum',
    confidentiality: 'unknown_recipients',
    integrity: 'none',
    availability: 'temporary',
    malicious: true,
  };
  const low = {
    dpcCategory: 'sensitive',
    dpcScore: 4,
    ease: 'negligible',
    confidentiality: 'none',
    integrity: 'none',
    availability: 'temporary',
    malicious: false,
  };

  before(async () => {
    t = await createTestApp(dialect);
    const p = await createPractice(t, 'Cabinet des Tilleuls');
    practiceId = p.practiceId;
    owner = await login(t, p.ownerEmail);
    assistant = await login(t, (await addMember(t, practiceId, 'assistant')).email);
    auditor = await login(t, (await addMember(t, practiceId, 'auditor')).email);
  });
  after(async () => t.close());

  it('reports a breach: awareAt typed with its offset, answered in UTC, the deadline 72 hours later, the audit entry without the facts', async () => {
    const res = await report();
    assert.equal(res.statusCode, 201, res.body);
    const b = res.json();
    assert.deepEqual(
      [b.awareAt, b.notifyBy, b.status, b.severity, b.decision],
      ['2026-01-14T07:30:00.000Z', '2026-01-17T07:30:00.000Z', 'open', null, null],
    );
    const entry = (await auditEntries(t, practiceId)).find(
      (e) => e.action === 'breach.reported' && e.target_id === b.id,
    );
    assert.ok(entry);
    assert.ok(!entry.details.includes('Rançongiciel'), 'the title stays out of the audit trail');
    const again = await call(t, 'GET', url(`/${b.id}`), { as: auditor });
    assert.equal(again.json().notifyBy, '2026-01-17T07:30:00.000Z');
  });

  it('a guided start lists its first steps as actions due today, and the to-do list shows the decision to take and the actions', async () => {
    const b = (await report({ guide: 'ransomware' })).json();
    assert.equal(b.guide, 'ransomware');
    assert.equal(b.actions.length, 6);
    assert.match(b.actions[1].title, /Ne pas payer la rançon/);
    assert.ok(b.actions.every((a: { dueOn: string }) => a.dueOn === '2026-01-15'));
    const en = (
      await call(t, 'POST', url(), {
        as: assistant,
        headers: { 'accept-language': 'en' },
        body: {
          title: 'Laptop stolen',
          awareAt: '2026-01-15T07:00:00Z',
          nature: ['confidentiality'],
          circumstances: ['lost_or_stolen_device'],
          dataCategories: [],
          guide: 'stolen_device',
        },
      })
    ).json();
    assert.match(en.actions[0].title, /encrypted/);
    const work = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner })).json().items as {
      kind: string;
      targetId: string;
      dueAt: string;
    }[];
    assert.ok(
      work.some((i) => i.kind === 'breach_decide' && i.targetId === b.id && i.dueAt === '2026-01-17T07:30:00.000Z'),
    );
    assert.equal(work.filter((i) => i.kind === 'breach_action' && i.targetId === b.id).length, 6);
  });

  it('refuses a deadline start in the future, a detection after awareness, no nature, an unknown value — field by field, in French', async () => {
    const future = await report({ awareAt: '2026-01-16T09:00:00Z' });
    assert.deepEqual(
      [future.statusCode, future.json().issues[0].path, future.json().issues[0].code],
      [400, 'awareAt', 'date_in_future'],
    );
    const detected = await report({ detectedAt: '2026-01-14T09:00:00+01:00' });
    assert.deepEqual([detected.statusCode, detected.json().issues[0].path], [400, 'detectedAt']);
    assert.match(detected.json().issues[0].message, /connaissance/);
    const noNature = await report({ nature: [] });
    assert.deepEqual([noNature.statusCode, noNature.json().issues[0].path], [400, 'nature']);
    const unknown = await report({ circumstances: ['alien_abduction'] });
    assert.deepEqual([unknown.statusCode, unknown.json().issues[0].path], [400, 'circumstances.0']);
    const noOffset = await report({ awareAt: '2026-01-14T08:30:00' });
    assert.deepEqual([noOffset.statusCode, noOffset.json().issues[0].path], [400, 'awareAt']);
    const before = (await call(t, 'GET', url(), { as: owner })).json().total;
    assert.equal((await report({ approxPeople: -1 })).statusCode, 400);
    assert.equal((await call(t, 'GET', url(), { as: owner })).json().total, before, 'nothing half-written');
  });

  it('decision path "notify the CNIL and inform the people": assessment, decision by the owner, notification, letter, people informed, actions, closing', async () => {
    const b = (await report({ guide: 'ransomware' })).json();
    const assessed = await call(t, 'PUT', url(`/${b.id}/assessment`), { as: assistant, body: veryHigh });
    assert.equal(assessed.statusCode, 200, assessed.body);
    assert.deepEqual(assessed.json().severity, {
      score: 5.25,
      band: 'very_high',
      proposedDecision: 'notify_authority_and_people',
      flags: ['over_100_people'],
    });
    assert.equal(
      (
        await call(t, 'POST', url(`/${b.id}/decision`), {
          as: assistant,
          body: { decision: 'notify_authority_and_people' },
        })
      ).statusCode,
      403,
      'an assistant does not decide',
    );
    const below = await call(t, 'POST', url(`/${b.id}/decision`), {
      as: owner,
      body: { decision: 'notify_authority' },
    });
    assert.deepEqual([below.statusCode, below.json().issues[0].path], [400, 'peopleException']);
    const decided = (
      await call(t, 'POST', url(`/${b.id}/decision`), { as: owner, body: { decision: 'notify_authority_and_people' } })
    ).json();
    assert.deepEqual(
      [decided.decision.decision, decided.decision.proposed, decided.decision.decidedBy !== ''],
      ['notify_authority_and_people', 'notify_authority_and_people', true],
    );

    const complementaryFirst = await call(t, 'POST', url(`/${b.id}/notifications`), {
      as: assistant,
      body: { kind: 'complementary', notifiedAt: '2026-01-15T08:00:00Z' },
    });
    assert.deepEqual(
      [complementaryFirst.statusCode, complementaryFirst.json().issues[0].code],
      [409, 'initial_required'],
    );
    const notified = (
      await call(t, 'POST', url(`/${b.id}/notifications`), {
        as: assistant,
        body: { kind: 'initial', notifiedAt: '2026-01-15T09:30:00+01:00', reference: 'CNIL-2026-000123' },
      })
    ).json();
    assert.deepEqual(
      notified.notifications.map((n: { kind: string; late: boolean; notifiedAt: string }) => [
        n.kind,
        n.late,
        n.notifiedAt,
      ]),
      [['initial', false, '2026-01-15T08:30:00.000Z']],
    );
    assert.equal(notified.notifiedAt, '2026-01-15T08:30:00.000Z');
    const listed = (await call(t, 'GET', url('?status=open&limit=200'), { as: assistant })).json().items as {
      id: string;
      notifiedAt: string | null;
    }[];
    assert.equal(
      listed.find((x) => x.id === b.id)?.notifiedAt,
      '2026-01-15T08:30:00.000Z',
      'the list tells a notified breach',
    );
    assert.ok(listed.some((x) => x.id !== b.id && x.notifiedAt === null));
    const twice = await call(t, 'POST', url(`/${b.id}/notifications`), {
      as: assistant,
      body: { kind: 'initial', notifiedAt: '2026-01-15T08:40:00Z' },
    });
    assert.equal(twice.statusCode, 409);
    assert.equal(
      (
        await call(t, 'POST', url(`/${b.id}/notifications`), {
          as: assistant,
          body: { kind: 'complementary', notifiedAt: '2026-01-15T08:50:00Z' },
        })
      ).statusCode,
      200,
    );

    const internal = 'Hier soir le poste a planté. Je ne sais pas si le disque était chiffré.';
    await call(t, 'PATCH', url(`/${b.id}`), {
      as: assistant,
      body: {
        consequences: ['loss_of_professional_secrecy', 'identity_theft'],
        measures: 'Postes isolés, sauvegarde du 13 janvier restaurée.',
        description: internal,
      },
    });
    await call(t, 'POST', url(`/${b.id}/actions/${b.actions[0].id}/done`), {
      as: assistant,
      body: { doneOn: '2026-01-15' },
    });
    const letter = await call(t, 'GET', url(`/${b.id}/letter?format=txt`), { as: assistant });
    assert.equal(letter.statusCode, 200);
    assert.match(letter.headers['content-disposition'] as string, /lettre-patients\.txt/);
    for (const words of [
      'Cabinet des Tilleuls',
      'rançongiciel',
      'secret médical',
      'usurper votre identité',
      'réclamation à la CNIL',
      'le 15 janvier 2026',
      'Nous l’avons appris le 14 janvier 2026',
      b.actions[0].title,
    ])
      assert.ok(letter.body.includes(words), words);
    // Written from the structured facts: the internal note never reaches the letter, and it speaks to "vous".
    assert.ok(
      !letter.body.includes('Hier soir') && !letter.body.includes('Je ne sais pas'),
      'no internal note in the letter',
    );
    assert.doesNotMatch(letter.body, /leurs données/);
    assert.match(
      letter.body,
      /Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées\.\r\n\r\n/,
    );
    const sentences = letter.body.split(/[.!?]\s|\r\n/).map((s) => s.split(/\s+/).length);
    assert.ok(Math.max(...sentences) <= 30, `plain words: the longest sentence has ${Math.max(...sentences)} words`);
    const letterPdf = await call(t, 'GET', url(`/${b.id}/letter?format=pdf`), { as: assistant });
    assert.equal(letterPdf.headers['content-type'], 'application/pdf');
    const letterBody = await pdfText(letterPdf.rawPayload);
    assert.match(letterBody, /Ce que vous pouvez faire/);
    assert.equal(await pdfPages(letterPdf.rawPayload), 1, 'one page, the signature with the letter');
    assert.ok(
      letterBody.lastIndexOf('Cabinet des Tilleuls') > letterBody.indexOf('salutations distinguées'),
      letterBody.slice(-300),
    );

    const patient = (
      await call(t, 'POST', `/api/v1/practices/${practiceId}/patients`, {
        as: assistant,
        body: { lastName: 'Lefèvre', firstName: 'Anaïs', birthDate: '1990-04-02' },
      })
    ).json();
    const informed = await call(t, 'POST', url(`/${b.id}/people-informed`), {
      as: assistant,
      body: {
        informedOn: '2026-01-15',
        channel: 'letter',
        recipients: 'Patients du fichier de rendez-vous',
        peopleCount: 1200,
        patientIds: [patient.id],
      },
    });
    assert.equal(informed.statusCode, 200, informed.body);
    assert.deepEqual(informed.json().peopleInformed[0].patientIds, [patient.id]);
    const stranger = await call(t, 'POST', url(`/${b.id}/people-informed`), {
      as: assistant,
      body: {
        informedOn: '2026-01-15',
        channel: 'letter',
        recipients: 'X',
        peopleCount: 1,
        patientIds: ['pat_AAAAAAAAAAAAAAAAAAAAAA'],
      },
    });
    assert.deepEqual([stranger.statusCode, stranger.json().issues[0].path], [400, 'patientIds.0']);

    const early = await call(t, 'POST', url(`/${b.id}/close`), { as: assistant, body: { closedOn: '2026-01-15' } });
    assert.deepEqual([early.statusCode, early.json().issues[0].code], [409, 'actions_open']);
    for (const a of informed.json().actions.filter((x: { doneOn: string | null }) => !x.doneOn))
      assert.equal(
        (await call(t, 'POST', url(`/${b.id}/actions/${a.id}/done`), { as: assistant, body: { doneOn: '2026-01-15' } }))
          .statusCode,
        200,
      );
    const added = (
      await call(t, 'POST', url(`/${b.id}/actions`), {
        as: owner,
        body: { title: 'Mettre en place une sauvegarde hors ligne', ownerId: null, dueOn: '2026-01-30' },
      })
    ).json();
    const last = added.actions.at(-1);
    assert.equal(
      (await call(t, 'POST', url(`/${b.id}/actions/${last.id}/done`), { as: owner, body: { doneOn: '2026-01-15' } }))
        .statusCode,
      200,
    );
    assert.equal(
      (await call(t, 'POST', url(`/${b.id}/actions/${last.id}/done`), { as: owner, body: { doneOn: '2026-01-15' } }))
        .statusCode,
      409,
      'done once',
    );
    const closed = await call(t, 'POST', url(`/${b.id}/close`), { as: assistant, body: { closedOn: '2026-01-15' } });
    assert.deepEqual([closed.statusCode, closed.json().status], [200, 'closed']);
    assert.equal(
      (await call(t, 'PATCH', url(`/${b.id}`), { as: assistant, body: { measures: 'x' } })).statusCode,
      409,
      'a closed breach is kept as it is',
    );
    const work = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner })).json().items as {
      targetId: string;
    }[];
    assert.ok(!work.some((i) => i.targetId === b.id), 'nothing left to do on it');
    const actions = (await auditEntries(t, practiceId)).filter((e) => e.target_id === b.id).map((e) => e.action);
    for (const a of [
      'breach.reported',
      'breach.assessed',
      'breach.decided',
      'breach.notified',
      'breach.updated',
      'breach.letter-generated',
      'breach.people-informed',
      'breach.action-added',
      'breach.action-completed',
      'breach.closed',
      'access.denied',
    ])
      assert.ok(actions.includes(a), a);
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
