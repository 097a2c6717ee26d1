import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../../contracts/roles.js';
import { ROLES } from '../../../contracts/roles.js';
import {
  auditEntries,
  call,
  createPractice,
  createTestApp,
  uniqueEmail,
  type Client,
  type TestApp,
  practiceWithEveryRole,
  unlocked,
} from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { VALID_BODIES, VALID_PARAMS, VALID_QUERIES } from '../../../../test/support/sample-bodies.js';
import { can } from '../access/index.js';

describeEachDialect('practices', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let clients: Record<Role, Client>;
  let ids: Record<Role, string>;

  before(async () => {
    t = await createTestApp(dialect);
    ({ practiceId, clients, ids } = await practiceWithEveryRole(t, 'Cabinet dentaire des Tilleuls'));
  });
  after(async () => t.close());

  const fresh = (role: Role) => unlocked(t, clients[role]);

  describe('role permissions, from the one role → permission table', () => {
    const requests: {
      permission: Parameters<typeof can>[1];
      method: string;
      url: (p: string) => string;
      body?: unknown;
      okStatus: number;
    }[] = [
      { permission: 'practice.read', method: 'GET', url: (p) => `/api/v1/practices/${p}`, okStatus: 200 },
      {
        permission: 'practice.update',
        method: 'PATCH',
        url: (p) => `/api/v1/practices/${p}`,
        body: { address: '3 rue des Lilas, 35000 Rennes' },
        okStatus: 200,
      },
      { permission: 'member.list', method: 'GET', url: (p) => `/api/v1/practices/${p}/members`, okStatus: 200 },
      { permission: 'audit.read', method: 'GET', url: (p) => `/api/v1/practices/${p}/audit-trail`, okStatus: 200 },
      {
        permission: 'audit.verify',
        method: 'GET',
        url: (p) => `/api/v1/practices/${p}/audit-trail/verification`,
        okStatus: 200,
      },
      { permission: 'token.manage', method: 'GET', url: (p) => `/api/v1/practices/${p}/api-tokens`, okStatus: 200 },
      {
        permission: 'audit.read',
        method: 'GET',
        url: (p) => `/api/v1/practices/${p}/audit-trail/export`,
        okStatus: 200,
      },
      { permission: 'backup.read', method: 'GET', url: (p) => `/api/v1/practices/${p}/backup-status`, okStatus: 200 },
    ];
    for (const role of ROLES) {
      it(`${role}: allowed exactly what its permissions say; refusals are 403 and audited`, async () => {
        for (const r of requests) {
          const c = await fresh(role);
          const before = (await auditEntries(t, practiceId)).length;
          const res = await call(t, r.method, r.url(practiceId), { as: c, ...(r.body ? { body: r.body } : {}) });
          const allowed = can(role, r.permission);
          assert.equal(res.statusCode, allowed ? r.okStatus : 403, `${role} ${r.method} ${r.permission}: ${res.body}`);
          const added = (await auditEntries(t, practiceId)).slice(before);
          assert.equal(added.length, 1, `${role} ${r.permission}: exactly one audit entry`);
          assert.equal(added[0]!.outcome, allowed ? 'success' : 'denied');
          assert.equal(added[0]!.actor_id, ids[role]);
          if (allowed) assert.equal(added[0]!.actor_role, role);
        }
        const m = await call(t, 'POST', `/api/v1/practices/${practiceId}/members`, {
          as: await fresh(role),
          body: { email: uniqueEmail('x'), name: 'X', role: 'trainee', initialPassword: 'Provisoire-Cabinet-2026!x' },
        });
        assert.equal(m.statusCode, can(role, 'member.manage') ? 201 : 403);
      });
    }
  });

  describe('isolation between practices', () => {
    it('answers 404 for every route of another practice, as for one that does not exist, and records the attempt there', async () => {
      const other = await createPractice(t, 'Cabinet voisin');
      const c = await fresh('owner');
      const practiceRoutes = t.app.routeTable.filter((r) => r.url.includes(':practiceId'));
      assert.ok(practiceRoutes.length >= 8);
      for (const r of practiceRoutes) {
        const query = VALID_QUERIES[`${r.method} ${r.url}`];
        const url =
          r.url
            .replace(':practiceId', other.practiceId)
            .replace(':userId', other.ownerId)
            .replace(/:(\w+)/g, (_, k: string) => VALID_PARAMS[k] ?? 'tok_AAAAAAAAAAAAAAAAAAAAAA') +
          (query ? `?${query}` : '');
        const res = await call(t, r.method, url, {
          as: c,
          ...(r.hasBody ? { body: validBodyFor(r.url, r.method) } : {}),
        });
        assert.equal(res.statusCode, 404, `${r.method} ${r.url}: ${res.body}`);
        const missing = await call(t, r.method, url.replace(other.practiceId, 'prc_doesnotexist0000'), {
          as: c,
          ...(r.hasBody ? { body: validBodyFor(r.url, r.method) } : {}),
        });
        assert.equal(missing.statusCode, 404);
        assert.deepEqual(
          { ...(res.json() as object), requestId: null },
          { ...(missing.json() as object), requestId: null },
        );
      }
      const denied = (await auditEntries(t, other.practiceId)).filter((e) => e.action === 'access.denied');
      assert.equal(denied.length, practiceRoutes.length);
      assert.ok(denied.every((e) => e.actor_id === ids.owner && e.outcome === 'denied'));
    });

    it('answers 404 for an object of another practice reached through one’s own practice', async () => {
      const other = await createPractice(t, 'Cabinet tiers');
      const c = await fresh('owner');
      const res = await call(t, 'PATCH', `/api/v1/practices/${practiceId}/members/${other.ownerId}`, {
        as: c,
        body: { role: 'assistant' },
      });
      assert.equal(res.statusCode, 404);
      const last = (await auditEntries(t, practiceId)).at(-1)!;
      assert.equal(last.action, 'access.denied');
      assert.equal(JSON.parse(last.details).reason, 'not_found');
    });
  });

  describe('practice identity', () => {
    it('updates the identity and records which fields changed', async () => {
      const res = await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, {
        as: await fresh('owner'),
        body: { siren: '123456789', siret: '12345678900012', legalForm: 'SELARL', dpoContact: 'dpo@example.fr' },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().siret, '12345678900012');
      const last = (await auditEntries(t, practiceId)).at(-1)!;
      assert.equal(last.action, 'practice.updated');
      assert.deepEqual(JSON.parse(last.details).fields, ['dpoContact', 'legalForm', 'siren', 'siret']);
    });

    it('stores a SIRET and a SIREN typed as printed, with spaces, without them; keeps the telephone, e-mail and overseas territory', async () => {
      const res = await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, {
        as: await fresh('owner'),
        body: {
          siren: '123 456 789',
          siret: '123 456 789 00012',
          phone: '02 98 00 00 00',
          email: 'accueil@example.fr',
          overseasTerritory: 'reunion',
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        [res.json().siren, res.json().siret, res.json().phone, res.json().email, res.json().overseasTerritory],
        ['123456789', '12345678900012', '02 98 00 00 00', 'accueil@example.fr', 'reunion'],
      );
      for (const phone of ['appeler le matin', '------', '02\n98\n00\n00\n00']) {
        const bad = await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, {
          as: await fresh('owner'),
          body: { phone },
        });
        assert.deepEqual([bad.statusCode, bad.json().issues[0].path], [400, 'phone'], phone);
      }
      const lone = await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, {
        as: await fresh('owner'),
        body: { name: 'Cabinet \ud800' },
      });
      assert.deepEqual(
        [lone.statusCode, lone.json().issues[0].path],
        [400, 'name'],
        'a lone surrogate cannot be stored',
      );
      await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, {
        as: await fresh('owner'),
        body: { overseasTerritory: null },
      });
    });

    it('refuses bad input with the field and the reason, in French by default and English on request, writing nothing', async () => {
      const before = await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: await fresh('owner') });
      const count = (await auditEntries(t, practiceId)).length;
      const fr = await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, {
        as: await fresh('owner'),
        body: { siren: '12345', idleLockMinutes: 0 },
      });
      assert.equal(fr.statusCode, 400);
      const issues = fr.json().issues as { path: string; message: string }[];
      assert.deepEqual(issues.map((i) => i.path).sort(), ['idleLockMinutes', 'siren']);
      assert.match(issues.find((i) => i.path === 'siren')!.message, /9 chiffres/);
      const en = await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, {
        as: await fresh('owner'),
        body: { siret: '99999999900012' },
        headers: { 'accept-language': 'en-GB,en;q=0.9' },
      });
      assert.equal(en.statusCode, 400);
      assert.equal(en.json().issues[0].path, 'siret');
      assert.match(en.json().issues[0].message, /SIREN/);
      assert.match(en.json().message, /invalid/);
      const after = await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: await fresh('owner') });
      assert.equal(after.json().updatedAt, before.json().updatedAt);
      assert.equal(
        (await auditEntries(t, practiceId)).filter((e) => e.action === 'practice.updated').length,
        (await auditEntries(t, practiceId)).slice(0, count).filter((e) => e.action === 'practice.updated').length,
      );
    });
  });

  describe('audit trail through the API', () => {
    it('lists entries newest first with paging, and verifies the chain', async () => {
      const c = await fresh('owner');
      const page = await call(t, 'GET', `/api/v1/practices/${practiceId}/audit-trail?limit=5`, { as: c });
      assert.equal(page.statusCode, 200);
      const items = page.json().items as { seq: number }[];
      assert.equal(items.length, 5);
      assert.ok(items[0]!.seq > items[4]!.seq);
      const next = await call(
        t,
        'GET',
        `/api/v1/practices/${practiceId}/audit-trail?limit=5&beforeSeq=${page.json().nextBeforeSeq}`,
        { as: c },
      );
      assert.ok((next.json().items as { seq: number }[])[0]!.seq < items[4]!.seq);
      const v = await call(t, 'GET', `/api/v1/practices/${practiceId}/audit-trail/verification`, { as: c });
      assert.equal(v.json().ok, true);
    });

    it('exports the trail as CSV for a spreadsheet, filtered, and records the export', async () => {
      const c = await fresh('owner');
      const res = await call(t, 'GET', `/api/v1/practices/${practiceId}/audit-trail/export?action=member.listed`, {
        as: c,
      });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.match(String(res.headers['content-disposition']), /attachment; filename="journal-\d{4}-\d{2}-\d{2}\.csv"/);
      const lines = res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(
        lines[0],
        'N°;Date (UTC);Personne;Rôle;Action;Type de cible;Cible;Résultat;Adresse IP;Requête;Détails',
      );
      assert.ok(lines.length > 1);
      assert.ok(lines.slice(1).every((l) => l.split(';')[4] === 'member.listed'));
      const last = (await auditEntries(t, practiceId)).at(-1)!;
      assert.equal(last.action, 'audit.exported');
      assert.equal(JSON.parse(last.details).count, lines.length - 1);
    });
  });
});

function validBodyFor(url: string, method: string): unknown {
  const body = VALID_BODIES[`${method} ${url}`];
  if (!body) throw new Error(`test/support/sample-bodies.ts has no body for ${method} ${url}`);
  return body;
}
