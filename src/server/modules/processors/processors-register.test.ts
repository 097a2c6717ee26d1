import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { call, createPractice, createTestApp, login, type Client, type TestApp } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { parseCsv, pdfText, readXlsxSheets } from '../../../../test/support/documents.js';

/** The register names the processors: a recipient picks one, and the register's exports list them with their checks. */
describeEachDialect('processors in the register', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let owner: Client;
  let labId: string;
  let activityId: string;
  const api = (p: string) => `/api/v1/practices/${practiceId}${p}`;

  before(async () => {
    t = await createTestApp(dialect);
    const p = await createPractice(t, 'Cabinet dentaire des Lilas');
    practiceId = p.practiceId;
    owner = await login(t, p.ownerEmail);
    labId = (
      await call(t, 'POST', api('/processors'), {
        as: owner,
        body: { name: 'Laboratoire Dentaire Alsacien', kind: 'laboratory', handlesHealthData: true },
      })
    ).json().id;
    activityId = (
      await call(t, 'POST', api('/register/activities'), { as: owner, body: { templateKey: 'patient_care' } })
    ).json().id;
  });
  after(async () => t.close());

  const activity = async () => (await call(t, 'GET', api(`/register/activities/${activityId}`), { as: owner })).json();

  it('links a recipient of an activity to a processor; another practice’s processor is refused with the field', async () => {
    const a = await activity();
    const recipients = [...a.fields.recipients, { type: 'processor', details: 'Prothésiste', processorId: labId }];
    const ok = await call(t, 'PUT', api(`/register/activities/${activityId}`), {
      as: owner,
      body: { ...a.fields, recipients },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await activity()).fields.recipients.at(-1).processorId, labId);
    // The processor knows it is named there, without being told twice.
    const lab = (await call(t, 'GET', api(`/processors/${labId}`), { as: owner })).json();
    assert.deepEqual([lab.activityIds, lab.namedByActivityIds], [[], [activityId]]);

    const other = await createPractice(t, 'Autre cabinet');
    const theirs = (
      await t.services.processors.create(
        { kind: 'admin', adminId: 'cli:test', requestId: null, ip: null },
        other.practiceId,
        { name: 'Leur hébergeur', kind: 'host', handlesHealthData: true },
      )
    ).id;
    const refused = await call(t, 'PUT', api(`/register/activities/${activityId}`), {
      as: owner,
      body: { ...a.fields, recipients: [{ type: 'processor', details: 'Hébergeur', processorId: theirs }] },
      headers: { 'accept-language': 'fr' },
    });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal(refused.json().issues[0].path, `recipients.0.processorId`);
    assert.match(refused.json().issues[0].message, /n’existe pas dans la liste du cabinet/);
    assert.equal((await activity()).fields.recipients.at(-1).processorId, labId, 'nothing changed');
  });

  it('prints the processors in the register’s exports, and the recipient under the processor’s name', async () => {
    const pdf = (
      await pdfText((await call(t, 'GET', api('/register/export?format=pdf'), { as: owner })).rawPayload)
    ).replace(/\s+/g, ' ');
    assert.match(pdf, /Sous-traitants et partenaires \(article 28 du RGPD\)/);
    assert.match(pdf, /Laboratoire Dentaire Alsacien \(Prothésiste\)/);
    assert.match(pdf, /Laboratoire de non signé a\) b\) c\) d\) e\) f\) g\) Non requise/);
    const csv = parseCsv((await call(t, 'GET', api('/register/export?format=csv'), { as: owner })).body);
    const row = csv.find((r) => r[0] === 'Laboratoire Dentaire Alsacien')!;
    assert.ok(row.includes('Sous-traitants et partenaires (article 28)'));
    assert.ok(row.includes('non signé'));
    assert.equal(csv[0]!.length, row.length);
    const sheets = await readXlsxSheets(
      (await call(t, 'GET', api('/register/export?format=xlsx'), { as: owner })).rawPayload,
    );
    const sheet = sheets.find((s) => s.name === 'Sous-traitants (art. 28)')!;
    assert.equal(sheet.rows[1]![0], 'Laboratoire Dentaire Alsacien');
  });
});
