import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { AUDIT_ACTIONS, SERVER_CHAIN, type AuditAction } from '../src/server/modules/audit-trail/index.js';
import { cliActor } from '../src/server/shared/actor.js';
import {
  call,
  completeMfa,
  createPractice,
  createTestApp,
  loginPasswordOnly,
  STRONG_PASSWORD,
  type Client,
  type TestApp,
} from './support/app.js';
import { freshMember } from './support/access-matrix.js';
import { BUILDERS } from './support/access-matrix-builders.js';
import { describeEachDialect } from './support/dialects.js';

/**
 * The events no other test named: each route is called by an owner with the access matrix's valid request, and its
 * catalogue event must be in the trail (in the chain of the practice it concerns, or the server's), successful, by that
 * person.
 */
const ROUTE_EVENTS: Record<string, AuditAction> = {
  'POST /api/v1/auth/mfa/re-enrollment': 'auth.mfa.re-enrollment-started',
  'POST /api/v1/auth/mfa/re-enrollment/confirm': 'auth.mfa.re-enrolled',
  'POST /api/v1/auth/mfa/verify': 'auth.mfa.verified',
  'DELETE /api/v1/auth/sessions/:sessionId': 'auth.session.revoked',
  'POST /api/v1/auth/logout': 'auth.logged-out',
  'POST /api/v1/auth/logout-all': 'auth.sessions.revoked',
  'POST /api/v1/me/invitations/:invitationId/decline': 'invitation.declined',
  'POST /api/v1/practices/:practiceId/invitations/:invitationId/revoke': 'invitation.revoked',
  'GET /api/v1/practices/:practiceId/api-tokens': 'token.listed',
  'DELETE /api/v1/practices/:practiceId/api-tokens/:tokenId': 'token.revoked',
  'GET /api/v1/practices/:practiceId/audit-trail': 'audit.listed',
  'GET /api/v1/practices/:practiceId/audit-trail/verification': 'audit.verified',
  'POST /api/v1/practices/:practiceId/patients/import': 'patient.import-checked',
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/status': 'request.status-changed',
  'GET /api/v1/practices/:practiceId/rights-requests/:requestId/letters/:letterId': 'request.letter-downloaded',
  'DELETE /api/v1/practices/:practiceId/rights-requests/:requestId/files/:fileId': 'request.file-deleted',
  'GET /api/v1/practices/:practiceId/rights-requests/export': 'request.register-exported',
  'GET /api/v1/practices/:practiceId/breaches': 'breach.listed',
  'GET /api/v1/practices/:practiceId/breaches/:breachId': 'breach.read',
  'GET /api/v1/practices/:practiceId/breaches/:breachId/cnil-draft': 'breach.cnil-draft-generated',
  'GET /api/v1/practices/:practiceId/register/templates': 'register.templates-listed',
  'GET /api/v1/practices/:practiceId/processors': 'processor.listed',
  'GET /api/v1/practices/:practiceId/processors/:processorId': 'processor.read',
  'GET /api/v1/practices/:practiceId/register/activities': 'register.listed',
  'POST /api/v1/practices/:practiceId/register/activities': 'register.activity-created',
  'GET /api/v1/practices/:practiceId/register/activities/:activityId': 'register.read',
  'PUT /api/v1/practices/:practiceId/register/activities/:activityId': 'register.activity-updated',
  'DELETE /api/v1/practices/:practiceId/register/activities/:activityId': 'register.activity-deleted',
  'POST /api/v1/practices/:practiceId/register/processor-activities': 'register.processor-saved',
  'DELETE /api/v1/practices/:practiceId/register/processor-activities/:processorActivityId':
    'register.processor-deleted',
  'GET /api/v1/practices/:practiceId/notices': 'notice.listed',
  'GET /api/v1/practices/:practiceId/notices/:kind': 'notice.generated',
  'POST /api/v1/practices/:practiceId/notices/distributions': 'notice.distributed',
  'GET /api/v1/practices/:practiceId/backup-status': 'backup.status-read',
};
/** Written by server administration (the CLI), asserted below through the same services. */
const ADMIN_EVENTS: AuditAction[] = ['user.disabled', 'user.unlocked'];

describeEachDialect('audit events', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  before(async () => {
    t = await createTestApp(dialect);
    practiceId = (await createPractice(t, 'Cabinet des Événements')).practiceId;
  });
  after(async () => t.close());

  const heads = async () => {
    const rows = await t.services.db
      .selectFrom('audit_entries')
      .select(['practice_id', (eb) => eb.fn.max('seq').as('seq')])
      .groupBy('practice_id')
      .execute();
    return new Map(rows.map((r) => [r.practice_id, Number(r.seq)]));
  };
  const entriesSince = async (since: Map<string, number>) =>
    (
      await t.services.db
        .selectFrom('audit_entries')
        .select(['practice_id', 'seq', 'action', 'outcome', 'actor_id'])
        .execute()
    ).filter((e) => Number(e.seq) > (since.get(e.practice_id) ?? 0));

  /** A new owner for each route: a route may end the sessions or replace the authenticator app of the one it used. */
  async function freshOwner(pending = false): Promise<Client> {
    const { email } = await freshMember(t, practiceId, 'owner');
    const enrolled = await completeMfa(t, await loginPasswordOnly(t, email, STRONG_PASSWORD));
    const again = await loginPasswordOnly(t, email, STRONG_PASSWORD);
    return pending ? { ...again, totpSecret: enrolled.totpSecret } : completeMfa(t, again, enrolled.totpSecret);
  }

  it('writes its catalogue event for each route, successful, by the person who called it', async () => {
    for (const [route, action] of Object.entries(ROUTE_EVENTS)) {
      const [method] = route.split(' ');
      const who = await freshOwner(route === 'POST /api/v1/auth/mfa/verify');
      const req = await BUILDERS[route]!({ t, practiceId, who });
      const since = await heads();
      const res = await call(t, method!, req.url, {
        as: who,
        ...(req.body !== undefined ? { body: req.body } : {}),
        ...(req.headers ? { headers: req.headers } : {}),
      });
      assert.ok(res.statusCode < 300, `${route}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const written = await entriesSince(since);
      assert.ok(
        written.some((e) => e.action === action && e.outcome === 'success' && e.actor_id === who.userId),
        `${route} → ${action}; written: ${written.map((e) => e.action).join(', ')}`,
      );
    }
  });

  it('writes user.disabled and user.unlocked for the administration of an account, in the server chain', async () => {
    const { email, userId } = await freshMember(t, practiceId, 'assistant');
    const since = await heads();
    await t.services.auth.unlockAccount(cliActor('audit-test'), userId);
    await t.services.team.disableUser(cliActor('audit-test'), email);
    const written = await entriesSince(since);
    for (const action of ADMIN_EVENTS)
      assert.ok(
        written.some((e) => e.action === action && e.practice_id === SERVER_CHAIN && e.actor_id === 'cli:audit-test'),
        `${action}; written: ${written.map((e) => `${e.action} by ${e.actor_id}`).join(', ')}`,
      );
  });
});

it('asserts every event of the catalogue in at least one test', () => {
  const root = path.resolve(import.meta.dirname, '..');
  const tests = execSync("git ls-files '*.test.ts' '*.fixture.ts' 'test/support/*.ts'", { cwd: root })
    .toString()
    .split('\n')
    .filter((f) => f && !f.endsWith('test/audit-events.test.ts'));
  const text = tests.map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
  const covered = new Set<string>([...Object.values(ROUTE_EVENTS), ...ADMIN_EVENTS]);
  const named = (a: string) => ["'", '"', '`'].some((q) => text.includes(`${q}${a}${q}`));
  const missing = Object.keys(AUDIT_ACTIONS).filter((a) => !covered.has(a) && !named(a));
  assert.deepEqual(missing, [], 'an audit event no test asserts: add it to a test of its module, or to ROUTE_EVENTS');
});
