import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { call, createPractice, createTestApp, login, type Client, type TestApp } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { unzip } from '../../../../test/support/documents.js';

/** What the review of the routes found (issue 20): input that would break a document or be served as something else. */
describeEachDialect('processors: hostile input', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let owner: Client;
  const url = (p = '') => `/api/v1/practices/${practiceId}/processors${p}`;
  const upload = (id: string, query: string, body: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: url(`/${id}/contract-file?${query}`),
      headers: {
        cookie: `__Host-gardien_session=${owner.cookie}`,
        'x-csrf-token': owner.csrf,
        'content-type': 'application/octet-stream',
      },
      payload: body,
      remoteAddress: owner.ip,
    });

  before(async () => {
    t = await createTestApp(dialect);
    const p = await createPractice(t, 'Cabinet des Lilas');
    practiceId = p.practiceId;
    owner = await login(t, p.ownerEmail);
  });
  after(async () => t.close());

  it('refuses U+FFFE and U+FFFF (no XML can hold them: the DOCX and XLSX would not open)', async () => {
    const res = await call(t, 'POST', url(), {
      as: owner,
      body: { name: 'Labo\uFFFF', kind: 'laboratory', handlesHealthData: true },
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      res.json().issues.map((i: { path: string; code: string }) => [i.path, i.code]),
      [['name', 'control_characters']],
    );
  });

  it('refuses a year that is a typing slip, keeps a value said twice once', async () => {
    const bad = await call(t, 'POST', url(), {
      as: owner,
      body: { name: 'Labo', kind: 'laboratory', handlesHealthData: true, contract: { signedOn: '0001-01-01' } },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().issues[0].path, 'contract.signedOn');
    assert.equal(bad.json().issues[0].code, 'day_implausible');
    const ok = await call(t, 'POST', url(), {
      as: owner,
      body: {
        name: 'Labo',
        kind: 'laboratory',
        handlesHealthData: true,
        dataCategories: ['health', 'health', 'identity'],
      },
    });
    assert.deepEqual(ok.json().dataCategories, ['health', 'identity']);
  });

  it('serves a stored contract as a plain kind of file only, and refuses a name on two lines', async () => {
    const id = (
      await call(t, 'POST', url(), { as: owner, body: { name: 'Hôte', kind: 'host', handlesHealthData: true } })
    ).json().id as string;
    assert.equal((await upload(id, 'name=c.html&type=text/html', Buffer.from('<script>x</script>'))).statusCode, 201);
    const down = await call(t, 'GET', url(`/${id}/contract-file`), { as: owner });
    assert.equal(down.headers['content-type'], 'application/octet-stream');
    const docx = await upload(id, `name=${encodeURIComponent('contrat.docx')}&type=text%2Fhtml`, Buffer.from('PK'));
    assert.equal(
      docx.json().contract.file.mediaType,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const crlf = await upload(id, `name=${encodeURIComponent('a\r\nX-Evil: 1.pdf')}`, Buffer.from('%PDF'));
    assert.equal(crlf.statusCode, 400);
    assert.equal(crlf.json().issues[0].path, 'name');
    const traversal = await upload(id, `name=${encodeURIComponent('../../etc/contrat.pdf')}`, Buffer.from('%PDF'));
    assert.equal(traversal.json().contract.file.name, 'contrat.pdf');
  });

  it('an activity deleted from the register leaves the processor editable', async () => {
    const activity = (
      await call(t, 'POST', `/api/v1/practices/${practiceId}/register/activities`, {
        as: owner,
        body: { templateKey: 'website' },
      })
    ).json().id as string;
    const p = (
      await call(t, 'POST', url(), {
        as: owner,
        body: { name: 'Agence web', kind: 'other', handlesHealthData: false, activityIds: [activity] },
      })
    ).json();
    assert.equal(
      (await call(t, 'DELETE', `/api/v1/practices/${practiceId}/register/activities/${activity}`, { as: owner }))
        .statusCode,
      200,
    );
    const patched = await call(t, 'PATCH', url(`/${p.id}`), { as: owner, body: { notes: 'Contrat à relire' } });
    assert.equal(patched.statusCode, 200, patched.body);
    const clauses = await call(t, 'GET', url(`/${p.id}/clauses?format=docx`), { as: owner });
    assert.equal(clauses.statusCode, 200);
    assert.ok((await unzip(clauses.rawPayload)).get('word/document.xml'));
  });

  it('refuses a change made from a version that has changed since (another tab), and nothing is overwritten', async () => {
    const p = (
      await call(t, 'POST', url(), {
        as: owner,
        body: { name: 'Logident', kind: 'software_vendor', handlesHealthData: true },
      })
    ).json();
    t.clock.advance(1000);
    const first = await call(t, 'PATCH', url(`/${p.id}`), {
      as: owner,
      body: { contact: { phone: '03 88 00 00 01' }, expectedUpdatedAt: p.updatedAt },
    });
    assert.equal(first.statusCode, 200, first.body);
    const stale = await call(t, 'PATCH', url(`/${p.id}`), {
      as: owner,
      body: { contact: { phone: '03 88 99 99 99' }, expectedUpdatedAt: p.updatedAt },
      headers: { 'accept-language': 'fr' },
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().issues[0].code, 'changed_elsewhere');
    assert.match(stale.json().issues[0].message, /rechargez la page/);
    assert.equal((await call(t, 'GET', url(`/${p.id}`), { as: owner })).json().contact.phone, '03 88 00 00 01');
  });

  it('one record per partner; a relationship that ends leaves no task; no Art. 28 addendum for a separate controller', async () => {
    const twice = await call(t, 'POST', url(), {
      as: owner,
      body: { name: '  logident ', kind: 'host', handlesHealthData: true },
    });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().issues[0].code, 'processor_exists');
    const lab = (
      await call(t, 'POST', url(), {
        as: owner,
        body: { name: 'Labo Ancien', kind: 'laboratory', handlesHealthData: true },
      })
    ).json();
    const worklist = async () =>
      (
        (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner })).json().items as {
          targetId: string;
        }[]
      ).filter((i) => i.targetId === lab.id).length;
    assert.equal(await worklist(), 1);
    const ended = await call(t, 'PATCH', url(`/${lab.id}`), { as: owner, body: { endedOn: '2026-01-10' } });
    assert.equal(ended.statusCode, 200, ended.body);
    assert.deepEqual([ended.json().endedOn, ended.json().issues], ['2026-01-10', []]);
    assert.equal(await worklist(), 0);
    // Once ended, the name is free for the partner that replaces it.
    assert.equal(
      (
        await call(t, 'POST', url(), {
          as: owner,
          body: { name: 'Labo Ancien', kind: 'laboratory', handlesHealthData: true },
        })
      ).statusCode,
      201,
    );
    const radio = (
      await call(t, 'POST', url(), {
        as: owner,
        body: { name: 'Centre de radiologie', kind: 'other', role: 'separate_controller', handlesHealthData: true },
      })
    ).json();
    assert.deepEqual(radio.contract.missingClauses, []);
    const clauses = await call(t, 'GET', url(`/${radio.id}/clauses?format=pdf`), { as: owner });
    assert.equal(clauses.statusCode, 409);
    assert.equal(clauses.json().issues[0].code, 'not_a_processor');
  });

  it('merges the place field by field (a safeguard alone saves), and refuses a place with no country when none is stored', async () => {
    const us = (
      await call(t, 'POST', url(), {
        as: owner,
        body: { name: 'CloudDent Inc.', kind: 'imaging_cloud', handlesHealthData: true, storage: { country: 'US' } },
      })
    ).json();
    assert.ok(us.issues.includes('transfer_without_mechanism'));
    const framed = await call(t, 'PATCH', url(`/${us.id}`), {
      as: owner,
      body: { storage: { transferMechanism: 'scc' } },
    });
    assert.equal(framed.statusCode, 200, framed.body);
    assert.deepEqual([framed.json().storage.country, framed.json().storage.transferMechanism], ['US', 'scc']);
    assert.ok(!framed.json().issues.includes('transfer_without_mechanism'));
    // "Adequacy" said for a country with no decision frames nothing.
    const india = await call(t, 'PATCH', url(`/${us.id}`), {
      as: owner,
      body: { storage: { country: 'IN', transferMechanism: 'adequacy' } },
    });
    assert.ok(india.json().issues.includes('transfer_without_mechanism'));
    const lab = (
      await call(t, 'POST', url(), {
        as: owner,
        body: { name: 'Labo sans lieu', kind: 'laboratory', handlesHealthData: true },
      })
    ).json();
    const noCountry = await call(t, 'PATCH', url(`/${lab.id}`), {
      as: owner,
      body: { storage: { remoteAccessOutsideEea: true } },
    });
    assert.equal(noCountry.statusCode, 400);
    assert.equal(noCountry.json().issues[0].path, 'storage.country');
    const joint = (
      await call(t, 'POST', url(), {
        as: owner,
        body: { name: 'Centre associé', kind: 'other', role: 'joint_controller', handlesHealthData: true },
      })
    ).json();
    assert.deepEqual(joint.issues, ['arrangement_missing']);
  });
});
