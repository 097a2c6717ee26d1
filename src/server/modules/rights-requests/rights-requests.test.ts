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

/** The test clock starts on Thursday 15 January 2026 (ManualClock). */
describeEachDialect('patients’ rights requests', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let assistant: Client;
  let owner: Client;
  const url = (p = '') => `/api/v1/practices/${practiceId}/rights-requests${p}`;
  const create = (body: Record<string, unknown>, as = assistant) =>
    call(t, 'POST', url(), {
      as,
      body: { channel: 'letter', requester: { name: 'Émile Durand', relation: 'self' }, ...body },
    });

  before(async () => {
    t = await createTestApp(dialect);
    const p = await createPractice(t, 'Cabinet du Port');
    practiceId = p.practiceId;
    owner = await login(t, p.ownerEmail);
    assistant = await login(t, (await addMember(t, practiceId, 'assistant')).email);
  });
  after(async () => t.close());

  it('records a request with its GDPR due date, the history and the audit entry', async () => {
    const patient = await call(t, 'POST', `/api/v1/practices/${practiceId}/patients`, {
      as: assistant,
      body: { lastName: 'Durand', firstName: 'Émile', birthDate: '1980-02-29' },
    });
    assert.equal(patient.statusCode, 201, patient.body);
    const res = await create({ kind: 'access', receivedOn: '2026-01-05', patientId: patient.json().id });
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json();
    assert.deepEqual(
      [r.kind, r.status, r.receivedOn, r.dueOn, r.earliestOn],
      ['access', 'received', '2026-01-05', '2026-02-05', null],
    );
    const detail = (await call(t, 'GET', url(`/${r.id}`), { as: owner })).json();
    assert.deepEqual(
      detail.history.map((e: { type: string }) => e.type),
      ['created'],
    );
    const entry = (await auditEntries(t, practiceId)).find(
      (e) => e.action === 'request.created' && e.target_id === r.id,
    );
    assert.ok(entry);
    assert.ok(!entry.details.includes('Durand'), 'no personal data in the audit details');
  });

  it('moves an end on a holiday to the next working day, with the Alsace-Moselle option', async () => {
    assert.equal((await create({ kind: 'erasure', receivedOn: '2025-11-26' })).json().dueOn, '2025-12-26');
    const patch = await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, {
      as: owner,
      body: { alsaceMoselle: true },
    });
    assert.equal(patch.json().alsaceMoselle, true);
    assert.equal((await create({ kind: 'erasure', receivedOn: '2025-11-26' })).json().dueOn, '2025-12-29');
    await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, { as: owner, body: { alsaceMoselle: false } });
  });

  it('refuses a receipt date in the future, an unknown patient, a health-record request without the age of the information', async () => {
    const future = await create({ kind: 'access', receivedOn: '2026-01-16' });
    assert.deepEqual(
      [future.statusCode, future.json().issues[0].path, future.json().issues[0].code],
      [400, 'receivedOn', 'date_in_future'],
    );
    const stranger = await create({
      kind: 'access',
      receivedOn: '2026-01-05',
      patientId: 'pat_AAAAAAAAAAAAAAAAAAAAAA',
    });
    assert.deepEqual([stranger.statusCode, stranger.json().issues[0].path], [400, 'patientId']);
    const hr = await create({ kind: 'health_record_access', receivedOn: '2026-01-13' });
    assert.deepEqual([hr.statusCode, hr.json().issues[0].path], [400, 'healthRecord.olderThanFiveYears']);
    const ancient = await create({ kind: 'access', receivedOn: '1900-01-01' });
    assert.deepEqual([ancient.statusCode, ancient.json().issues[0].code], [400, 'date_implausible']);
    const bidi = await create({
      kind: 'access',
      receivedOn: '2026-01-05',
      requester: { name: 'Émile Durand', relation: 'self', address: '1 rue \u202Eesiarf' },
    });
    assert.deepEqual([bidi.statusCode, bidi.json().issues[0].path], [400, 'requester.address']);
    const badKind = await create({ kind: 'deletion', receivedOn: '2026-01-05' });
    assert.deepEqual([badKind.statusCode, badKind.json().issues[0].path], [400, 'kind']);
  });

  it('health record: not before 48 hours, at the latest 8 days, identity checked first, no extension', async () => {
    const r = (
      await create({
        kind: 'health_record_access',
        receivedOn: '2026-01-12',
        healthRecord: { olderThanFiveYears: false },
      })
    ).json();
    assert.deepEqual([r.earliestOn, r.dueOn], ['2026-01-14', '2026-01-20']);
    const answer = (on: string, as = owner) =>
      call(t, 'POST', url(`/${r.id}/decision`), {
        as,
        body: { on, items: [{ subject: 'health_record', verdict: 'carried_out', ground: 'csp_l1111_7' }] },
      });
    const early = await answer('2026-01-13');
    assert.deepEqual([early.statusCode, early.json().issues[0].code], [400, 'before_reflection_period']);
    const ext = await call(t, 'POST', url(`/${r.id}/extension`), {
      as: owner,
      body: { reason: 'Archives', notifiedOn: '2026-01-15' },
    });
    assert.deepEqual([ext.statusCode, ext.json().issues[0].code], [409, 'extension_not_applicable']);
    const id = await call(t, 'POST', url(`/${r.id}/identity-request`), {
      as: assistant,
      body: { requestedOn: '2026-01-13' },
    });
    assert.equal(id.json().dueOn, '2026-01-20', 'asking for identity does not stop the CSP clock');
    const blocked = await answer('2026-01-15');
    assert.equal(blocked.statusCode, 409, 'nothing is communicated before the identity is checked');
    assert.equal(
      (await call(t, 'POST', url(`/${r.id}/identity-received`), { as: assistant, body: { receivedOn: '2026-01-14' } }))
        .statusCode,
      200,
    );
    assert.equal(
      (await answer('2026-01-15', assistant)).statusCode,
      403,
      'an assistant prepares the answer; a practitioner, the owner or the DPO confirms it',
    );
    const done = await answer('2026-01-15');
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual([done.json().status, done.json().closedOn], ['answered', '2026-01-15']);
    const older = (
      await create({
        kind: 'health_record_access',
        receivedOn: '2026-01-14',
        healthRecord: { olderThanFiveYears: true },
      })
    ).json();
    assert.equal(older.dueOn, '2026-03-14');
  });

  it('stops the GDPR clock while proof of identity is awaited, then adds the days it stood still', async () => {
    const r = (await create({ kind: 'rectification', receivedOn: '2026-01-05' })).json();
    const asked = (
      await call(t, 'POST', url(`/${r.id}/identity-request`), { as: assistant, body: { requestedOn: '2026-01-06' } })
    ).json();
    assert.deepEqual([asked.status, asked.dueOn], ['identity_check', null]);
    const items = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: assistant })).json()
      .items as { kind: string; targetId: string }[];
    assert.equal(items.find((i) => i.targetId === r.id)?.kind, 'request_identity_awaited');
    const again = await call(t, 'POST', url(`/${r.id}/identity-request`), {
      as: assistant,
      body: { requestedOn: '2026-01-07' },
    });
    assert.equal(again.statusCode, 409);
    const back = (
      await call(t, 'POST', url(`/${r.id}/identity-received`), { as: assistant, body: { receivedOn: '2026-01-14' } })
    ).json();
    // 5 Feb + 8 days = 13 Feb 2026, a Friday.
    assert.deepEqual(
      [back.status, back.dueOn, back.identityRequestedOn, back.identityReceivedOn],
      ['in_progress', '2026-02-13', '2026-01-06', '2026-01-14'],
    );
  });

  it('extends to three months from receipt before the due date, once; after the due date answers 409 DEADLINE_PASSED', async () => {
    const r = (await create({ kind: 'objection', receivedOn: '2026-01-05' })).json();
    const late = await call(t, 'POST', url(`/${r.id}/extension`), {
      as: owner,
      body: { reason: 'Demande complexe', notifiedOn: '2026-03-01' },
    });
    assert.deepEqual([late.statusCode, late.json().issues[0].path], [400, 'notifiedOn']);
    const ext = await call(t, 'POST', url(`/${r.id}/extension`), {
      as: owner,
      body: { reason: 'Demande complexe : archives à rechercher', notifiedOn: '2026-01-15' },
    });
    assert.equal(ext.statusCode, 200, ext.body);
    // 5 April 2026 is Easter Sunday, 6 April Easter Monday.
    assert.deepEqual(
      [ext.json().dueOn, ext.json().extended, ext.json().extensionNotifiedOn],
      ['2026-04-07', true, '2026-01-15'],
    );
    const twice = await call(t, 'POST', url(`/${r.id}/extension`), {
      as: owner,
      body: { reason: 'Encore', notifiedOn: '2026-01-15' },
    });
    assert.deepEqual([twice.statusCode, twice.json().issues[0].code], [409, 'already_extended']);
    const old = (await create({ kind: 'objection', receivedOn: '2025-12-01' })).json();
    assert.equal(old.dueOn, '2026-01-02');
    const passed = await call(t, 'POST', url(`/${old.id}/extension`), {
      as: owner,
      body: { reason: 'Trop tard', notifiedOn: '2026-01-02' },
    });
    assert.deepEqual([passed.statusCode, passed.json().code], [409, 'DEADLINE_PASSED']);
  });

  it('refuses to suspend a clock already past its due date (409 DEADLINE_PASSED); the request stays late, reminders go on', async () => {
    const old = (await create({ kind: 'rectification', receivedOn: '2025-12-01' })).json();
    assert.equal(old.dueOn, '2026-01-02');
    const pause = await call(t, 'POST', url(`/${old.id}/identity-request`), {
      as: assistant,
      body: { requestedOn: '2026-01-10' },
    });
    assert.deepEqual(
      [pause.statusCode, pause.json().code, pause.json().issues[0].code],
      [409, 'DEADLINE_PASSED', 'identity_after_due_date'],
    );
    const backdated = await call(t, 'POST', url(`/${old.id}/identity-request`), {
      as: assistant,
      body: { requestedOn: '2025-12-20' },
    });
    assert.equal(
      backdated.statusCode,
      409,
      'a day typed before the due date, entered after it, does not reopen the clock',
    );
    const letter = await call(t, 'POST', url(`/${old.id}/letters`), {
      as: assistant,
      body: { kind: 'identity_request' },
    });
    assert.deepEqual(
      [letter.statusCode, letter.json().code],
      [409, 'DEADLINE_PASSED'],
      'nor does a letter saying the clock will start again',
    );
    const still = (await call(t, 'GET', url(`/${old.id}`), { as: owner })).json();
    assert.deepEqual([still.dueOn, still.status], ['2026-01-02', 'received']);
    const items = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner })).json().items as {
      targetId: string;
      kind: string;
    }[];
    assert.equal(items.find((i) => i.targetId === old.id)?.kind, 'request_rectification');
    // While suspended, an extension is judged against the due date the suspended clock would give today.
    const r = (await create({ kind: 'objection', receivedOn: '2025-12-20' })).json();
    assert.equal(r.dueOn, '2026-01-20');
    assert.equal(
      (await call(t, 'POST', url(`/${r.id}/identity-request`), { as: assistant, body: { requestedOn: '2026-01-05' } }))
        .statusCode,
      200,
    );
    const ext = await call(t, 'POST', url(`/${r.id}/extension`), {
      as: owner,
      body: { reason: 'Demande complexe', notifiedOn: '2026-01-15' },
    });
    assert.deepEqual([ext.statusCode, ext.json().dueOn], [200, null], ext.body);
    // Three months from receipt (20 March) plus the ten days the clock stood still.
    const back = (
      await call(t, 'POST', url(`/${r.id}/identity-received`), { as: assistant, body: { receivedOn: '2026-01-15' } })
    ).json();
    assert.equal(back.dueOn, '2026-03-30');
  });

  it('needs reasons to refuse, closes the request, keeps every step in the history, and lists open requests soonest first', async () => {
    const r = (await create({ kind: 'portability', receivedOn: '2026-01-12' })).json();
    const bare = await call(t, 'POST', url(`/${r.id}/decision`), {
      as: owner,
      body: { on: '2026-01-15', items: [{ subject: 'portability', verdict: 'refused', ground: 'other' }] },
    });
    assert.deepEqual(
      [bare.statusCode, bare.json().issues[0].path, bare.json().issues[0].code],
      [400, 'items.0.reasons', 'reasons_required'],
    );
    const refused = await call(t, 'POST', url(`/${r.id}/decision`), {
      as: owner,
      body: {
        on: '2026-01-15',
        items: [{ subject: 'portability', verdict: 'not_applicable', ground: 'art20_not_applicable' }],
      },
    });
    assert.equal(refused.statusCode, 200, refused.body);
    assert.equal(refused.json().status, 'refused');
    const closed = await call(t, 'POST', url(`/${r.id}/status`), {
      as: owner,
      body: { status: 'in_progress', on: '2026-01-15' },
    });
    assert.deepEqual([closed.statusCode, closed.json().issues[0].code], [409, 'request_closed']);
    const detail = (await call(t, 'GET', url(`/${r.id}`), { as: owner })).json();
    assert.deepEqual(
      detail.history.map((e: { type: string }) => e.type),
      ['created', 'decided', 'letter-generated'],
    );
    const open = (await call(t, 'GET', url('?open=true&limit=200'), { as: assistant })).json();
    assert.ok(open.items.every((x: { status: string }) => !['answered', 'refused', 'withdrawn'].includes(x.status)));
    const dues = open.items.map((x: { dueOn: string | null }) => x.dueOn).filter(Boolean);
    assert.deepEqual(dues, [...dues].sort());
    const kinds = (await call(t, 'GET', url('?kind=objection'), { as: assistant })).json().items as { kind: string }[];
    assert.ok(kinds.length >= 2 && kinds.every((x) => x.kind === 'objection'));
    const actions = (await auditEntries(t, practiceId)).map((e) => e.action);
    for (const a of [
      'request.extended',
      'request.identity-requested',
      'request.identity-received',
      'request.decided',
      'request.read',
      'request.listed',
    ])
      assert.ok(actions.includes(a), a);
  });

  it('shows requests in the worklist of those who may read them, and hides them from a trainee', async () => {
    const items = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: assistant })).json()
      .items as { module: string; dueAt: string }[];
    assert.ok(items.some((i) => i.module === 'rights-requests'));
    assert.deepEqual(
      items.map((i) => i.dueAt),
      [...items.map((i) => i.dueAt)].sort(),
    );
    const trainee = await login(t, (await addMember(t, practiceId, 'trainee')).email);
    const traineeItems = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: trainee })).json()
      .items as { module: string }[];
    assert.ok(!traineeItems.some((i) => i.module === 'rights-requests'));
  });

  it('keeps another practice’s requests and patients out of reach (404)', async () => {
    const other = await createPractice(t, 'Cabinet Voisin');
    const stranger = await login(t, other.ownerEmail);
    const r = (await create({ kind: 'access', receivedOn: '2026-01-05' })).json();
    assert.equal((await call(t, 'GET', url(`/${r.id}`), { as: stranger })).statusCode, 404);
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${other.practiceId}/rights-requests/${r.id}`, { as: stranger }))
        .statusCode,
      404,
    );
  });
});
