import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { auditEntries, call, type Client, type TestApp } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { pdfPages, pdfText } from '../../../../test/support/documents.js';

/** The test clock stands on Thursday 15 January 2026, 09:00 UTC (10:00 in Paris). */
import { breachesFixture } from './breaches.fixture.js';

describeEachDialect('personal data breaches', (dialect) => {
  const { f, url, report, veryHigh } = breachesFixture(dialect);
  let t: TestApp;
  let practiceId: string;
  let owner: Client;
  let assistant: Client;
  let auditor: Client;
  before(() => {
    ({ t, practiceId, owner, assistant, auditor } = f);
  });

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
});
