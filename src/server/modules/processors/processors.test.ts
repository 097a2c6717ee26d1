import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CLAUSES } from '../../../contracts/processors.js';
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
import { parseCsv, pdfText, readXlsx, unzip } from '../../../../test/support/documents.js';

const allPresent = Object.fromEntries(CLAUSES.map((c) => [c, 'present']));
const docxText = async (buf: Buffer) =>
  (await unzip(buf))
    .get('word/document.xml')!
    .toString('utf8')
    .replace(/<[^>]+>/g, '')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The test clock: Thursday 15 January 2026. */
describeEachDialect('processors', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let owner: Client;
  let assistant: Client;
  let auditor: Client;
  const emails: Record<'owner' | 'assistant' | 'auditor', string> = { owner: '', assistant: '', auditor: '' };
  /** Moves the clock and signs everyone in again (a jump of months ends the sessions, as it should). */
  const travel = async (to: string) => {
    t.clock.set(to);
    const again = (email: string, c: Client) => login(t, email, undefined, { totpSecret: c.totpSecret! });
    owner = await again(emails.owner, owner);
    assistant = await again(emails.assistant, assistant);
    auditor = await again(emails.auditor, auditor);
  };
  const url = (p = '') => `/api/v1/practices/${practiceId}/processors${p}`;
  const lastEntry = async () => (await auditEntries(t, practiceId)).at(-1)!;

  before(async () => {
    t = await createTestApp(dialect);
    const p = await createPractice(t, 'Cabinet dentaire Étienne Lefèvre');
    practiceId = p.practiceId;
    emails.owner = p.ownerEmail;
    emails.assistant = (await addMember(t, practiceId, 'assistant')).email;
    emails.auditor = (await addMember(t, practiceId, 'auditor')).email;
    owner = await login(t, emails.owner);
    assistant = await login(t, emails.assistant);
    auditor = await login(t, emails.auditor);
    await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, {
      as: owner,
      body: {
        address: '12 rue de la Paix, 67000 Strasbourg',
        siren: '732829320',
        controllerName: 'Dr Étienne Lefèvre',
      },
    });
  });
  after(async () => t.close());

  it('lists a template per kind, the laboratory hosting nothing and the software vendor hosting health data', async () => {
    const res = await call(t, 'GET', url('/templates'), { as: auditor });
    assert.equal(res.statusCode, 200, res.body);
    const kinds = res.json() as { kind: string; hostsHealthData: boolean; services: { fr: string } }[];
    assert.equal(kinds.length, 12);
    assert.equal(kinds.find((k) => k.kind === 'laboratory')!.hostsHealthData, false);
    assert.equal(kinds.find((k) => k.kind === 'software_vendor')!.hostsHealthData, true);
    assert.equal((await lastEntry()).action, 'processor.templates-listed');
  });

  let vendorId = '';

  it('adds a processor with a complete contract: stored, answered with its statuses, audited, not on the worklist', async () => {
    const res = await call(t, 'POST', url(), {
      as: assistant,
      body: {
        name: 'Logident SAS',
        kind: 'software_vendor',
        handlesHealthData: true,
        storage: { country: 'fr' },
        hds: { certificateNumber: 'HDS-2024-0042', referential: 'v2', expiresOn: '2028-03-31' },
        contract: { signedOn: '2025-06-01', clauses: allPresent },
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const p = res.json();
    assert.match(p.id, /^prc_/);
    vendorId = p.id;
    assert.deepEqual(p.storage, {
      country: 'FR',
      inEea: true,
      adequacy: false,
      adequacyScope: null,
      remoteAccessOutsideEea: null,
      transferMechanism: null,
    });
    assert.deepEqual([p.hds.required, p.hds.status], [true, 'valid']);
    assert.deepEqual(p.contract.missingClauses, []);
    assert.equal(p.hostsHealthData, true, 'the kind’s usual answer when left out');
    assert.equal(p.reviewDueOn, '2027-01-15');
    const row = await t.services.db
      .selectFrom('processors')
      .selectAll()
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.practice_id, practiceId);
    assert.equal(row.kind, 'software_vendor');
    assert.equal(Number(row.hosts_health_data), 1);
    const e = await lastEntry();
    assert.equal(e.action, 'processor.created');
    assert.equal(e.target_id, p.id);
    assert.equal(e.outcome, 'success');
    assert.doesNotMatch(e.details, /Logident/);
    const worklist = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner })).json();
    assert.equal(
      worklist.items.some((i: { targetId: string }) => i.targetId === p.id),
      false,
    );
  });

  it('a laboratory with two clauses missing is on the worklist; a PATCH merges clause by clause', async () => {
    const clauses = { ...allPresent, audits: 'missing', subProcessors: 'missing' };
    const res = await call(t, 'POST', url(), {
      as: owner,
      body: {
        name: 'Laboratoire Dentaire Alsacien',
        kind: 'laboratory',
        handlesHealthData: true,
        contract: { signedOn: '2025-11-02', clauses },
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const lab = res.json();
    assert.equal(lab.hds.status, 'not_required');
    assert.deepEqual(lab.contract.missingClauses, ['subProcessors', 'audits']);
    assert.ok(lab.issues.includes('clauses_missing'));
    const worklist = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: assistant })).json();
    const item = worklist.items.find((i: { targetId: string }) => i.targetId === lab.id);
    assert.equal(item.kind, 'processor_clauses');
    assert.equal(item.module, 'processors');
    assert.equal(item.path, `/processors/${lab.id}`);

    const patched = await call(t, 'PATCH', url(`/${lab.id}`), {
      as: owner,
      body: { contract: { clauses: { audits: 'present' }, references: { audits: 'art. 9' } }, services: 'Couronnes' },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const p = patched.json();
    assert.deepEqual(p.contract.missingClauses, ['subProcessors']);
    assert.equal(p.contract.signedOn, '2025-11-02', 'a field the body does not name keeps its value');
    assert.equal(p.contract.references.audits, 'art. 9');
    assert.equal(p.name, 'Laboratoire Dentaire Alsacien');
    const e = await lastEntry();
    assert.equal(e.action, 'processor.updated');
    assert.match(e.details, /"changed":\["contract","services"\]/);
    const stored = await t.services.db
      .selectFrom('processors')
      .select('fields')
      .where('id', '=', lab.id)
      .executeTakeFirstOrThrow();
    assert.match(stored.fields, /"audits":"present"/);
  });

  let cloudId = '';

  it('HDS required and missing, health data outside the EEA', async () => {
    const res = await call(t, 'POST', url(), {
      as: owner,
      body: {
        name: 'Nuage Radio',
        kind: 'imaging_cloud',
        handlesHealthData: true,
        storage: { country: 'US', transferMechanism: 'scc' },
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const p = res.json();
    cloudId = p.id;
    assert.equal(p.hds.status, 'missing');
    assert.deepEqual(p.storage.adequacyScope, 'partial');
    assert.ok(p.issues.includes('health_data_outside_eea'));
    const worklist = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner })).json();
    const kinds = worklist.items
      .filter((i: { targetId: string }) => i.targetId === p.id)
      .map((i: { kind: string }) => i.kind);
    assert.deepEqual(kinds.sort(), ['processor_contract', 'processor_hds', 'processor_transfer']);

    const v1 = await call(t, 'PATCH', url(`/${p.id}`), {
      as: owner,
      body: { hds: { certificateNumber: 'HDS-2019-7', referential: 'v1', expiresOn: '2027-09-30' } },
    });
    assert.equal(v1.json().hds.status, 'valid', 'before the v2 deadline');
  });

  it('refuses bad input with the field and its reason, and writes nothing', async () => {
    const before = (await call(t, 'GET', url(), { as: owner })).json().items.length;
    const cases: [unknown, string][] = [
      [{ name: 'X', kind: 'plumber', handlesHealthData: true }, 'kind'],
      [{ name: 'X', kind: 'host', handlesHealthData: true, storage: { country: 'UK' } }, 'storage.country'],
      [{ name: 'X', kind: 'host', handlesHealthData: true, contract: { signedOn: '2026-02-30' } }, 'contract.signedOn'],
      [{ name: 'X', kind: 'host', handlesHealthData: true, contract: { signedOn: '2026-01-16' } }, 'contract.signedOn'],
      [
        {
          name: 'X',
          kind: 'host',
          handlesHealthData: true,
          contract: { signedOn: '2025-01-16', expiresOn: '2025-01-01' },
        },
        'contract.expiresOn',
      ],
      [{ name: 'X', kind: 'host', handlesHealthData: true, hds: { expiresOn: 'soon' } }, 'hds.expiresOn'],
      [{ name: 'X', kind: 'host', handlesHealthData: true, activityIds: ['act_doesnotexist00'] }, 'activityIds.0'],
      [
        { name: 'X', kind: 'host', handlesHealthData: true, contract: { clauses: { bribery: 'present' } } },
        'contract.clauses.bribery',
      ],
    ];
    for (const [body, path] of cases) {
      const res = await call(t, 'POST', url(), { as: owner, body, headers: { 'accept-language': 'fr' } });
      assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
      const issues = res.json().issues as { path: string; message: string }[];
      assert.ok(
        issues.some((i) => i.path.startsWith(path.split('.').slice(0, 2).join('.'))),
        `${path}: ${JSON.stringify(issues)}`,
      );
    }
    assert.equal((await call(t, 'GET', url(), { as: owner })).json().items.length, before);
    const fr = await call(t, 'POST', url(), {
      as: owner,
      body: { name: 'X', kind: 'host', handlesHealthData: true, storage: { country: 'UK' } },
      headers: { 'accept-language': 'fr' },
    });
    assert.match(fr.body, /code pays inconnu/);
  });

  it('an auditor reads but cannot write; another practice’s id answers 404, audited', async () => {
    const list = (await call(t, 'GET', url(), { as: auditor })).json();
    const id = list.items[0].id as string;
    const write = await call(t, 'PATCH', url(`/${id}`), { as: auditor, body: { notes: 'x' } });
    assert.equal(write.statusCode, 403);
    assert.equal((await lastEntry()).action, 'access.denied');
    const other = await createPractice(t, 'Autre cabinet');
    const stranger = await login(t, other.ownerEmail);
    for (const [method, path] of [
      ['GET', `/${id}`],
      ['PATCH', `/${id}`],
      ['GET', `/${id}/clauses`],
      ['POST', `/${id}/reviews`],
    ] as const) {
      const res = await call(t, method, `/api/v1/practices/${other.practiceId}/processors${path}`, {
        as: stranger,
        body: method === 'GET' ? undefined : method === 'PATCH' ? { notes: 'x' } : { checked: ['contract'] },
      });
      assert.equal(res.statusCode, 404, `${method} ${path}`);
    }
    const mine = await call(t, 'GET', url(`/${id}`), { as: stranger });
    assert.equal(mine.statusCode, 404);
  });

  it('stores the signed contract sealed, gives it back, and says so on the processor', async () => {
    const id = (await call(t, 'GET', url(), { as: owner })).json().items[0].id as string;
    const pdf = Buffer.from('%PDF-1.4 contrat signé Lefèvre');
    const up = await t.app.inject({
      method: 'POST',
      url: url(`/${id}/contract-file?name=${encodeURIComponent('contrat signé.pdf')}`),
      headers: {
        cookie: `__Host-gardien_session=${owner.cookie}`,
        'x-csrf-token': owner.csrf,
        'content-type': 'application/octet-stream',
      },
      payload: pdf,
      remoteAddress: owner.ip,
    });
    assert.equal(up.statusCode, 201, up.body);
    assert.equal(up.json().contract.file.name, 'contrat signé.pdf');
    assert.equal((await lastEntry()).action, 'processor.contract-uploaded');
    const row = await t.services.db
      .selectFrom('processor_files')
      .select('content')
      .where('processor_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(row.content, /contrat/);
    const down = await call(t, 'GET', url(`/${id}/contract-file`), { as: auditor });
    assert.equal(down.statusCode, 200);
    assert.deepEqual(down.rawPayload, pdf);
    assert.equal((await lastEntry()).action, 'processor.contract-downloaded');
  });

  it('generates the clauses as DOCX and PDF in French (accents intact) and in English, dated and signed', async () => {
    const items = (await call(t, 'GET', url(), { as: owner })).json().items as { id: string; name: string }[];
    const lab = items.find((p) => p.name === 'Laboratoire Dentaire Alsacien')!;
    const docx = await call(t, 'GET', url(`/${lab.id}/clauses?format=docx`), { as: owner });
    assert.equal(docx.statusCode, 200, docx.body);
    assert.match(docx.headers['content-disposition'] as string, /avenant-rgpd-laboratoire-dentaire-alsacien\.docx/);
    const text = await docxText(docx.rawPayload);
    assert.match(text, /Avenant relatif à la protection des données personnelles/);
    assert.match(text, /Cabinet dentaire Étienne Lefèvre/);
    assert.match(text, /représenté par le Dr Étienne Lefèvre/);
    assert.match(text, /Laboratoire Dentaire Alsacien/);
    assert.match(text, /instruction documentée/);
    assert.match(text, /au plus tard dans les 48 heures/);
    assert.match(text, /article 33\.2/);
    assert.match(text, /Fait à Strasbourg, le …+, en deux exemplaires originaux/);
    assert.doesNotMatch(text, /Hébergement de données de santé/, 'a laboratory hosts no health data');
    assert.equal((await lastEntry()).action, 'processor.clauses-generated');
    const pdf = await call(t, 'GET', url(`/${lab.id}/clauses?format=pdf`), { as: owner });
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const pt = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    assert.match(pt, /Avenant relatif à la protection des données personnelles/);
    assert.match(pt, /Sous-traitants ultérieurs/);
    assert.match(pt, /Fait à Strasbourg, le …+, en deux exemplaires originaux/);
    const en = await docxText(
      (await call(t, 'GET', url(`/${lab.id}/clauses?format=docx&lang=en`), { as: owner })).rawPayload,
    );
    assert.match(en, /Data processing addendum/);
    assert.match(en, /without undue delay/);

    const q = await call(t, 'GET', url(`/${lab.id}/questionnaire?format=pdf`), { as: owner });
    assert.equal(q.statusCode, 200);
    const qt = (await pdfText(q.rawPayload)).replace(/\s+/g, ' ');
    assert.match(qt, /Strasbourg, le 15 janvier 2026/);
    assert.match(qt, /Madame, Monsieur,/);
    assert.match(qt, /hébergeur de données de santé/);
    assert.match(qt, /Dr Étienne Lefèvre/);
    assert.equal((await lastEntry()).action, 'processor.questionnaire-generated');
    const qd = await docxText(
      (await call(t, 'GET', url(`/${lab.id}/questionnaire?format=docx`), { as: owner })).rawPayload,
    );
    assert.match(qd, /Objet : questionnaire sur la protection des données personnelles/);
  });

  it('exports the list as PDF, XLSX and CSV, formula-safe', async () => {
    await call(t, 'POST', url(), {
      as: owner,
      body: { name: '=HYPERLINK("http://x")', kind: 'other', handlesHealthData: false },
    });
    const csv = await call(t, 'GET', url('/export?format=csv'), { as: auditor });
    assert.equal(csv.statusCode, 200, csv.body);
    const rows = parseCsv(csv.body);
    assert.equal(rows[0]![0], 'Nom');
    assert.ok(rows.some((r) => r[0] === '\'=HYPERLINK("http://x")'));
    assert.ok(rows.some((r) => r[0] === 'Laboratoire Dentaire Alsacien' && r[4]!.includes('d) Conditions')));
    const xlsx = await readXlsx((await call(t, 'GET', url('/export?format=xlsx&lang=en'), { as: auditor })).rawPayload);
    assert.equal(xlsx[0]![0], 'Name');
    assert.ok(xlsx.some((r) => r[0] === '\'=HYPERLINK("http://x")'));
    const pdf = await pdfText((await call(t, 'GET', url('/export?format=pdf'), { as: auditor })).rawPayload);
    assert.match(pdf, /Liste des sous-traitants et partenaires/);
    assert.match(pdf, /Alsacien/);
    assert.equal((await lastEntry()).action, 'processor.list-exported');
  });

  // The clock only moves forward from here (a sign-in code is never accepted twice, nor before the last one).
  it('a v1 (2018) HDS certificate is outdated after 16 May 2026', async () => {
    await travel('2026-05-17T08:00:00Z');
    const later = await call(t, 'GET', url(`/${cloudId}`), { as: auditor });
    assert.equal(later.json().hds.status, 'v1_outdated');
  });

  it('a year after it was added, the processor’s review falls due; the review records who checked what', async () => {
    // A year later its review falls due.
    await travel('2027-01-15T10:00:00Z');
    const later = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner })).json();
    assert.deepEqual(
      later.items.filter((i: { targetId: string }) => i.targetId === vendorId).map((i: { kind: string }) => i.kind),
      ['processor_review'],
    );
    const reviewed = await call(t, 'POST', url(`/${vendorId}/reviews`), {
      as: owner,
      body: { checked: ['contract', 'hds', 'storage'], note: 'Certificat HDS vérifié sur la liste de l’ANS.' },
    });
    assert.equal(reviewed.statusCode, 200, reviewed.body);
    assert.equal(reviewed.json().reviewDueOn, '2028-01-15');
    assert.equal(reviewed.json().reviews[0].reviewedByName, 'Claire Martin');
    assert.deepEqual(reviewed.json().reviews[0].checked, ['contract', 'hds', 'storage']);
    assert.equal((await lastEntry()).action, 'processor.reviewed');
    const after = (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner })).json();
    assert.equal(
      after.items.some((i: { targetId: string }) => i.targetId === vendorId),
      false,
    );
  });
});
