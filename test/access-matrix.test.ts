import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../src/contracts/roles.js';
import { ROLES } from '../src/contracts/roles.js';
import { ROLE_PERMISSIONS, type Permission } from '../src/server/modules/access/index.js';
import { totpCodeAt } from '../src/server/modules/auth/index.js';
import { cliActor } from '../src/server/shared/actor.js';
import {
  addMember,
  call,
  completeMfa,
  createPractice,
  createTestApp,
  login,
  loginPasswordOnly,
  STRONG_PASSWORD,
  uniqueEmail,
  type Client,
  type TestApp,
} from './support/app.js';
import { describeEachDialect } from './support/dialects.js';
import { parisDate } from '../src/server/platform/clock.js';

type Outcome = 'allow' | 'forbidden' | 'not_found' | 'unauthenticated' | 'mfa_required' | 'conflict' | 'not_applicable';
type Column = Role | 'otherPractice' | 'noSession' | 'noMfa';
interface MatrixEntry extends Record<Column, Outcome> {
  permission: Permission | null;
}

const matrix = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../docs/authz-matrix.json'), 'utf8')) as {
  columns: Column[];
  routes: Record<string, MatrixEntry>;
};

function assertOutcome(res: LightMyRequestResponse, expected: Outcome, where: string): void {
  const code = res.statusCode;
  const body = String(res.headers['content-type']).includes('json') ? (res.json() as { code?: string }) : {};
  switch (expected) {
    case 'allow':
      return assert.ok(code >= 200 && code < 300, `${where}: expected 2xx, got ${code} ${res.body.slice(0, 200)}`);
    case 'forbidden':
      return assert.deepEqual([code, body.code], [403, 'FORBIDDEN'], where);
    case 'not_found':
      return assert.deepEqual([code, body.code], [404, 'NOT_FOUND'], where);
    case 'unauthenticated':
      return assert.deepEqual([code, body.code], [401, 'UNAUTHENTICATED'], where);
    case 'mfa_required':
      return assert.deepEqual([code, body.code], [401, 'MFA_REQUIRED'], where);
    case 'conflict':
      return assert.deepEqual([code, body.code], [409, 'CONFLICT'], where);
    case 'not_applicable':
      throw new Error(`${where}: not applicable cells are not requested`);
  }
}

interface Cell {
  t: TestApp;
  practiceId: string;
  /** The person acting (absent without a session); a fresh account for each cell, so cells never interfere. */
  who: Client | null;
}
type Builder = (c: Cell) => Promise<{ method?: string; url: string; body?: unknown; headers?: Record<string, string> }>;

async function freshMember(t: TestApp, practiceId: string, role: Role) {
  return addMember(t, practiceId, role, uniqueEmail(`m-${role}`));
}

/** A fresh patient and a fresh open request for each cell, created by the server administrator. */
const somePatient = async (t: TestApp, practiceId: string) =>
  (
    await t.services.patients.create(cliActor(), practiceId, {
      lastName: 'Martin',
      firstName: 'Zoé',
      birthDate: '1990-05-17',
    })
  ).id;
/** A fresh breach (aware an hour ago) for each cell, reported by the server administrator; optionally already decided. */
const someBreach = async (t: TestApp, practiceId: string, decision?: 'notify_authority') => {
  const b = await t.services.breaches.report(
    cliActor(),
    practiceId,
    {
      title: 'Clé USB perdue',
      awareAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
      nature: ['confidentiality'],
      circumstances: ['lost_or_stolen_device'],
      dataCategories: ['identity'],
    },
    'fr',
  );
  if (decision) await t.services.breaches.decide(cliActor(), practiceId, b.id, { decision });
  return b.id;
};
const breachUrl = (practiceId: string, id: string, rest = '') =>
  `/api/v1/practices/${practiceId}/breaches/${id}${rest}`;
const someRequest = async (t: TestApp, practiceId: string) =>
  (
    await t.services.rightsRequests.create(cliActor(), practiceId, {
      kind: 'erasure',
      receivedOn: parisDate(t.clock.now()),
      channel: 'email',
      requester: { name: 'Zoé Martin', relation: 'self' },
    })
  ).id;
const requestUrl = (practiceId: string, id: string, rest = '') =>
  `/api/v1/practices/${practiceId}/rights-requests/${id}${rest}`;
/** A request with a letter (its acknowledgement) in the log. */
const someLetter = async (t: TestApp, practiceId: string) => {
  const id = await someRequest(t, practiceId);
  return {
    id,
    letterId: (
      await t.services.requestAnswers.createLetter(cliActor(), practiceId, id, {
        kind: 'acknowledgement',
        language: 'fr',
      })
    ).id,
  };
};
const someFile = async (t: TestApp, practiceId: string) => {
  const id = await someRequest(t, practiceId);
  return {
    id,
    fileId: (
      await t.services.requestFiles.uploadFile(cliActor(), practiceId, id, { name: 'copie.txt' }, Buffer.from('copie'))
    ).id,
  };
};
const registerUrl = (practiceId: string, rest = '') => `/api/v1/practices/${practiceId}/register${rest}`;
const someActivity = async (t: TestApp, practiceId: string) =>
  (await t.services.register.create(cliActor(), practiceId, { templateKey: 'suppliers' })).id;
const someProcessorActivity = async (t: TestApp, practiceId: string) =>
  (
    await t.services.register.createProcessor(cliActor(), practiceId, {
      clientName: 'Centre de santé',
      clientContact: '',
      clientRepresentative: '',
      clientDpo: '',
      categories: 'Lecture de radiographies',
      subProcessors: '',
      transfers: '',
      security: '',
    })
  ).id;
/** A fresh version of the patient notice (its text carries a new DPO contact each time, so each cell gets its own version). */
let noticeSeq = 0;
const someNoticeVersion = async (t: TestApp, practiceId: string) => {
  await t.services.practices.updatePractice(cliActor(), practiceId, {
    dpoContact: `dpo-${++noticeSeq}@cabinet.example.fr`,
  });
  await t.services.notices.notice(cliActor(), practiceId, 'patient', 'txt', 'fr');
  return (await t.services.notices.notices(cliActor(), practiceId)).versions[0]!.id;
};

/** A restriction granted to a fresh patient, its lifting notice sent today. */
const someRestriction = async (t: TestApp, practiceId: string) => {
  const today = parisDate(t.clock.now());
  const patientId = await somePatient(t, practiceId);
  const r = await t.services.rightsRequests.create(cliActor(), practiceId, {
    kind: 'restriction',
    receivedOn: today,
    channel: 'letter',
    requester: { name: 'Zoé Martin', relation: 'self' },
    patientId,
  });
  await t.services.requestAnswers.decide(cliActor(), practiceId, r.id, {
    on: today,
    items: [{ subject: 'restriction', verdict: 'carried_out', ground: 'art18_restricted' }],
    language: 'fr',
  });
  const notice = await t.services.requestAnswers.createLetter(cliActor(), practiceId, r.id, {
    kind: 'restriction_lift',
    language: 'fr',
  });
  await t.services.requestAnswers.letterSent(cliActor(), practiceId, r.id, notice.id, {
    sentOn: today,
    channel: 'letter',
  });
  return r.id;
};

/** An invitation of `email` by the owner of `practiceId` (a fresh practice when null), as the owner sends it from the team page. */
const someInvitation = async (t: TestApp, practiceId: string | null, email: string) => {
  const p = practiceId ?? (await createPractice(t)).practiceId;
  const ownerId = (
    await t.services.db
      .selectFrom('memberships')
      .select('user_id')
      .where('practice_id', '=', p)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow()
  ).user_id;
  const owner = {
    kind: 'user' as const,
    userId: ownerId,
    sessionId: null,
    tokenId: null,
    tokenPracticeId: null,
    requestId: null,
    ip: null,
  };
  return (
    await t.services.invitations.invite(owner, p, {
      email,
      name: 'Personne invitée',
      role: 'assistant',
      initialPassword: 'Provisoire-Cabinet-2026!x',
    })
  ).invitationId;
};

/** The new authenticator secret of the last re-enrolment cell: that persona signs in with it from then on. */
let reEnrolledSecret = '';

/** A valid request for each route; a route without a builder fails the run, like a route without a matrix entry. */
const BUILDERS: Record<string, Builder> = {
  'GET /api/health': async () => ({ url: '/api/health' }),
  'GET /api/openapi.json': async () => ({ url: '/api/openapi.json' }),
  'POST /api/v1/auth/login': async ({ t, practiceId }) => {
    const m = await freshMember(t, practiceId, 'assistant');
    return { url: '/api/v1/auth/login', body: { email: m.email, password: STRONG_PASSWORD } };
  },
  'POST /api/v1/auth/mfa/enrollment': async () => ({ url: '/api/v1/auth/mfa/enrollment' }),
  'POST /api/v1/auth/mfa/enrollment/confirm': async () => ({
    url: '/api/v1/auth/mfa/enrollment/confirm',
    body: { code: '123456' },
  }),
  'POST /api/v1/auth/mfa/verify': async ({ t, who }) => {
    t.clock.advance(31_000);
    return {
      url: '/api/v1/auth/mfa/verify',
      body: { code: who?.totpSecret ? await totpCodeAt(who.totpSecret, t.clock.now()) : '123456' },
    };
  },
  'GET /api/v1/auth/session': async () => ({ url: '/api/v1/auth/session' }),
  'POST /api/v1/auth/unlock': async ({ who }) => ({
    url: '/api/v1/auth/unlock',
    body: { password: who?.password ?? STRONG_PASSWORD },
  }),
  'POST /api/v1/auth/logout': async () => ({ url: '/api/v1/auth/logout' }),
  'POST /api/v1/auth/logout-all': async () => ({ url: '/api/v1/auth/logout-all' }),
  'GET /api/v1/auth/sessions': async () => ({ url: '/api/v1/auth/sessions' }),
  'DELETE /api/v1/auth/sessions/:sessionId': async ({ t, who }) => {
    if (!who) return { url: '/api/v1/auth/sessions/ses_AAAAAAAAAAAAAAAAAAAAAA' };
    const other = await loginPasswordOnly(t, who.email, who.password);
    const row = await t.services.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', other.userId)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return { url: `/api/v1/auth/sessions/${row.id}` };
  },
  'POST /api/v1/auth/password': async ({ who }) => ({
    url: '/api/v1/auth/password',
    body: {
      currentPassword: who?.password ?? STRONG_PASSWORD,
      newPassword: `Une-Toute-Autre-Phrase-${Date.now() % 100000}!`,
    },
  }),
  'GET /api/v1/me': async () => ({ url: '/api/v1/me' }),
  'PATCH /api/v1/me/preferences': async () => ({ url: '/api/v1/me/preferences', body: { language: 'en' } }),
  'GET /api/v1/setup': async () => ({ url: '/api/v1/setup' }),
  'POST /api/v1/setup': async () => ({
    url: '/api/v1/setup',
    body: {
      practiceName: 'Cabinet Tardif',
      ownerName: 'Tom Tardif',
      ownerEmail: uniqueEmail('setup'),
      password: STRONG_PASSWORD,
    },
  }),
  'POST /api/v1/auth/mfa/re-enrollment': async ({ t, who }) => {
    t.clock.advance(31_000);
    return {
      url: '/api/v1/auth/mfa/re-enrollment',
      body: {
        password: who?.password ?? STRONG_PASSWORD,
        code: who?.totpSecret ? await totpCodeAt(who.totpSecret, t.clock.now()) : '123456',
      },
    };
  },
  'POST /api/v1/auth/mfa/re-enrollment/confirm': async ({ t, who }) => {
    t.clock.advance(31_000);
    if (!who?.totpSecret) return { url: '/api/v1/auth/mfa/re-enrollment/confirm', body: { code: '123456' } };
    const started = await call(t, 'POST', '/api/v1/auth/mfa/re-enrollment', {
      as: who,
      body: { password: who.password, code: await totpCodeAt(who.totpSecret, t.clock.now()) },
    });
    if (started.statusCode !== 200) return { url: '/api/v1/auth/mfa/re-enrollment/confirm', body: { code: '123456' } };
    reEnrolledSecret = (started.json() as { secret: string }).secret;
    return {
      url: '/api/v1/auth/mfa/re-enrollment/confirm',
      body: { code: await totpCodeAt(reEnrolledSecret, t.clock.now()) },
    };
  },
  'GET /api/v1/practices/:practiceId': async ({ practiceId }) => ({ url: `/api/v1/practices/${practiceId}` }),
  'PATCH /api/v1/practices/:practiceId': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}`,
    body: { address: '12 rue de la Paix, 75002 Paris' },
  }),
  'GET /api/v1/practices/:practiceId/members': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/members`,
  }),
  'POST /api/v1/practices/:practiceId/members': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/members`,
    body: {
      email: uniqueEmail('added'),
      name: 'Nouvelle Personne',
      role: 'trainee',
      initialPassword: 'Provisoire-Cabinet-2026!x',
    },
  }),
  'PATCH /api/v1/practices/:practiceId/members/:userId': async ({ t, practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/members/${(await freshMember(t, practiceId, 'trainee')).userId}`,
    body: { role: 'assistant' },
  }),
  'POST /api/v1/practices/:practiceId/members/:userId/password-reset': async ({ t, practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/members/${(await freshMember(t, practiceId, 'trainee')).userId}/password-reset`,
    body: { temporaryPassword: 'Provisoire-Cabinet-2026!x' },
  }),
  'POST /api/v1/practices/:practiceId/patients': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/patients`,
    body: { lastName: 'Durand', firstName: 'Émile', birthDate: '1980-02-29' },
  }),
  'GET /api/v1/practices/:practiceId/patients': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/patients?q=dur`,
  }),
  'POST /api/v1/practices/:practiceId/patients/import': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/patients/import`,
    body: { csv: 'Nom;Prénom;Date de naissance\nDurand;Émile;29/02/1980\n', dryRun: true },
  }),
  'GET /api/v1/practices/:practiceId/patients/:patientId': async ({ t, practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/patients/${await somePatient(t, practiceId)}`,
  }),
  'PATCH /api/v1/practices/:practiceId/patients/:patientId': async ({ t, practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/patients/${await somePatient(t, practiceId)}`,
    body: { phone: '01 23 45 67 89' },
  }),
  'POST /api/v1/practices/:practiceId/rights-requests': async ({ t, practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/rights-requests`,
    body: {
      kind: 'access',
      receivedOn: parisDate(t.clock.now()),
      channel: 'letter',
      requester: { name: 'Émile Durand', relation: 'self' },
    },
  }),
  'GET /api/v1/practices/:practiceId/rights-requests': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/rights-requests?open=true`,
  }),
  'GET /api/v1/practices/:practiceId/rights-requests/:requestId': async ({ t, practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/rights-requests/${await someRequest(t, practiceId)}`,
  }),
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/extension': async ({ t, practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/rights-requests/${await someRequest(t, practiceId)}/extension`,
    body: { reason: 'Demande complexe : archives papier à rechercher', notifiedOn: parisDate(t.clock.now()) },
  }),
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/identity-request': async ({ t, practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/rights-requests/${await someRequest(t, practiceId)}/identity-request`,
    body: { requestedOn: parisDate(t.clock.now()) },
  }),
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/identity-received': async ({ t, practiceId }) => {
    const id = await someRequest(t, practiceId);
    await t.services.rightsRequests.requestIdentity(cliActor(), practiceId, id, parisDate(t.clock.now()));
    return {
      url: `/api/v1/practices/${practiceId}/rights-requests/${id}/identity-received`,
      body: { receivedOn: parisDate(t.clock.now()) },
    };
  },
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/status': async ({ t, practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/rights-requests/${await someRequest(t, practiceId)}/status`,
    body: { status: 'in_progress', on: parisDate(t.clock.now()) },
  }),
  'GET /api/v1/practices/:practiceId/rights-requests/export': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/rights-requests/export?format=csv`,
  }),
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/decision': async ({ t, practiceId }) => ({
    url: requestUrl(practiceId, await someRequest(t, practiceId), '/decision'),
    body: {
      on: parisDate(t.clock.now()),
      items: [{ subject: 'medical_record', verdict: 'refused', ground: 'art17_3_retention' }],
    },
  }),
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/restriction-lift': async ({ t, practiceId }) => ({
    url: requestUrl(practiceId, await someRestriction(t, practiceId), '/restriction-lift'),
    body: { liftedOn: parisDate(t.clock.now()) },
  }),
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/letters': async ({ t, practiceId }) => ({
    url: requestUrl(practiceId, await someRequest(t, practiceId), '/letters'),
    body: { kind: 'acknowledgement' },
  }),
  'GET /api/v1/practices/:practiceId/rights-requests/:requestId/letters/:letterId': async ({ t, practiceId }) => {
    const { id, letterId } = await someLetter(t, practiceId);
    return { url: requestUrl(practiceId, id, `/letters/${letterId}?format=txt`) };
  },
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/letters/:letterId/sent': async ({ t, practiceId }) => {
    const { id, letterId } = await someLetter(t, practiceId);
    return {
      url: requestUrl(practiceId, id, `/letters/${letterId}/sent`),
      body: { sentOn: parisDate(t.clock.now()), channel: 'email' },
    };
  },
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/files': async ({ t, practiceId }) => ({
    url: requestUrl(practiceId, await someRequest(t, practiceId), '/files?name=copie.pdf'),
    body: Buffer.from('%PDF-1.4 copie'),
    headers: { 'content-type': 'application/octet-stream' },
  }),
  'GET /api/v1/practices/:practiceId/rights-requests/:requestId/files/:fileId': async ({ t, practiceId }) => {
    const { id, fileId } = await someFile(t, practiceId);
    return { url: requestUrl(practiceId, id, `/files/${fileId}`) };
  },
  'DELETE /api/v1/practices/:practiceId/rights-requests/:requestId/files/:fileId': async ({ t, practiceId }) => {
    const { id, fileId } = await someFile(t, practiceId);
    return { url: requestUrl(practiceId, id, `/files/${fileId}`) };
  },
  'GET /api/v1/practices/:practiceId/rights-requests/:requestId/answer.zip': async ({ t, practiceId }) => ({
    url: requestUrl(practiceId, await someRequest(t, practiceId), '/answer.zip'),
  }),
  'GET /api/v1/practices/:practiceId/register/templates': async ({ practiceId }) => ({
    url: registerUrl(practiceId, '/templates'),
  }),
  'GET /api/v1/practices/:practiceId/register/activities': async ({ practiceId }) => ({
    url: registerUrl(practiceId, '/activities'),
  }),
  'POST /api/v1/practices/:practiceId/register/activities': async ({ practiceId }) => ({
    url: registerUrl(practiceId, '/activities'),
    body: { templateKey: 'website' },
  }),
  'GET /api/v1/practices/:practiceId/register/activities/:activityId': async ({ t, practiceId }) => ({
    url: registerUrl(practiceId, `/activities/${await someActivity(t, practiceId)}`),
  }),
  'PUT /api/v1/practices/:practiceId/register/activities/:activityId': async ({ t, practiceId }) => {
    const id = await someActivity(t, practiceId);
    const a = await t.services.register.get(cliActor(), practiceId, id);
    return { url: registerUrl(practiceId, `/activities/${id}`), body: { ...a.fields, software: 'Tableur' } };
  },
  'DELETE /api/v1/practices/:practiceId/register/activities/:activityId': async ({ t, practiceId }) => ({
    url: registerUrl(practiceId, `/activities/${await someActivity(t, practiceId)}`),
  }),
  'POST /api/v1/practices/:practiceId/register/activities/:activityId/validation': async ({ t, practiceId }) => ({
    url: registerUrl(practiceId, `/activities/${await someActivity(t, practiceId)}/validation`),
  }),
  'GET /api/v1/practices/:practiceId/register/export': async ({ practiceId }) => ({
    url: registerUrl(practiceId, '/export?format=csv'),
  }),
  'GET /api/v1/practices/:practiceId/register/processor-activities': async ({ practiceId }) => ({
    url: registerUrl(practiceId, '/processor-activities'),
  }),
  'POST /api/v1/practices/:practiceId/register/processor-activities': async ({ practiceId }) => ({
    url: registerUrl(practiceId, '/processor-activities'),
    body: { clientName: 'Cabinet voisin', categories: 'Archivage' },
  }),
  'PUT /api/v1/practices/:practiceId/register/processor-activities/:processorActivityId': async ({
    t,
    practiceId,
  }) => ({
    url: registerUrl(practiceId, `/processor-activities/${await someProcessorActivity(t, practiceId)}`),
    body: { clientName: 'Centre de santé', categories: 'Lecture et archivage' },
  }),
  'DELETE /api/v1/practices/:practiceId/register/processor-activities/:processorActivityId': async ({
    t,
    practiceId,
  }) => ({ url: registerUrl(practiceId, `/processor-activities/${await someProcessorActivity(t, practiceId)}`) }),
  'GET /api/v1/practices/:practiceId/notices': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/notices`,
  }),
  'POST /api/v1/practices/:practiceId/notices/distributions': async ({ t, practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/notices/distributions`,
    body: {
      versionId: await someNoticeVersion(t, practiceId),
      channel: 'posted_waiting_room',
      on: parisDate(t.clock.now()),
    },
  }),
  'GET /api/v1/practices/:practiceId/notices/:kind': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/notices/booking?format=txt`,
  }),
  'POST /api/v1/practices/:practiceId/breaches': async ({ t, practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/breaches`,
    body: {
      title: 'Rançongiciel',
      awareAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
      nature: ['availability'],
      circumstances: ['ransomware'],
      dataCategories: ['health'],
    },
  }),
  'GET /api/v1/practices/:practiceId/breaches': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/breaches?status=open`,
  }),
  'GET /api/v1/practices/:practiceId/breaches/export': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/breaches/export?format=csv`,
  }),
  'GET /api/v1/practices/:practiceId/breaches/:breachId': async ({ t, practiceId }) => ({
    url: breachUrl(practiceId, await someBreach(t, practiceId)),
  }),
  'PATCH /api/v1/practices/:practiceId/breaches/:breachId': async ({ t, practiceId }) => ({
    url: breachUrl(practiceId, await someBreach(t, practiceId)),
    body: { approxPeople: 12 },
  }),
  'PUT /api/v1/practices/:practiceId/breaches/:breachId/assessment': async ({ t, practiceId }) => ({
    url: breachUrl(practiceId, await someBreach(t, practiceId), '/assessment'),
    body: {
      dpcCategory: 'simple',
      dpcScore: 1,
      ease: 'limited',
      confidentiality: 'none',
      integrity: 'none',
      availability: 'temporary',
      malicious: false,
    },
  }),
  'POST /api/v1/practices/:practiceId/breaches/:breachId/decision': async ({ t, practiceId }) => ({
    url: breachUrl(practiceId, await someBreach(t, practiceId), '/decision'),
    body: { decision: 'notify_authority' },
  }),
  'POST /api/v1/practices/:practiceId/breaches/:breachId/notifications': async ({ t, practiceId }) => ({
    url: breachUrl(practiceId, await someBreach(t, practiceId, 'notify_authority'), '/notifications'),
    body: { kind: 'initial', notifiedAt: t.clock.now().toISOString() },
  }),
  'POST /api/v1/practices/:practiceId/breaches/:breachId/people-informed': async ({ t, practiceId }) => ({
    url: breachUrl(practiceId, await someBreach(t, practiceId), '/people-informed'),
    body: {
      informedOn: parisDate(t.clock.now()),
      channel: 'email',
      recipients: 'Les patients concernés',
      peopleCount: 3,
    },
  }),
  'POST /api/v1/practices/:practiceId/breaches/:breachId/actions': async ({ t, practiceId }) => ({
    url: breachUrl(practiceId, await someBreach(t, practiceId), '/actions'),
    body: { title: 'Changer les mots de passe', dueOn: parisDate(t.clock.now()) },
  }),
  'POST /api/v1/practices/:practiceId/breaches/:breachId/actions/:actionId/done': async ({ t, practiceId }) => {
    const id = await someBreach(t, practiceId);
    const b = await t.services.breaches.addAction(cliActor(), practiceId, id, {
      title: 'Prévenir le prestataire',
      dueOn: parisDate(t.clock.now()),
    });
    return {
      url: breachUrl(practiceId, id, `/actions/${b.actions[0]!.id}/done`),
      body: { doneOn: parisDate(t.clock.now()) },
    };
  },
  'POST /api/v1/practices/:practiceId/breaches/:breachId/close': async ({ t, practiceId }) => ({
    url: breachUrl(practiceId, await someBreach(t, practiceId, 'notify_authority'), '/close'),
    body: { closedOn: parisDate(t.clock.now()) },
  }),
  'GET /api/v1/practices/:practiceId/breaches/:breachId/cnil-draft': async ({ t, practiceId }) => ({
    url: breachUrl(practiceId, await someBreach(t, practiceId), '/cnil-draft'),
  }),
  'GET /api/v1/practices/:practiceId/breaches/:breachId/cnil-draft/file': async ({ t, practiceId }) => ({
    url: breachUrl(practiceId, await someBreach(t, practiceId), '/cnil-draft/file?format=txt'),
  }),
  'GET /api/v1/practices/:practiceId/breaches/:breachId/letter': async ({ t, practiceId }) => ({
    url: breachUrl(practiceId, await someBreach(t, practiceId), '/letter?format=txt'),
  }),
  'GET /api/v1/practices/:practiceId/worklist': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/worklist`,
  }),
  'POST /api/v1/practices/:practiceId/invitations/:invitationId/revoke': async ({ t, practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/invitations/${await someInvitation(t, practiceId, uniqueEmail('invited'))}/revoke`,
  }),
  'POST /api/v1/me/invitations/:invitationId/accept': async ({ t, who }) => ({
    url: `/api/v1/me/invitations/${await someInvitation(t, null, who?.email ?? uniqueEmail('nobody'))}/accept`,
    body: { temporaryPassword: 'Provisoire-Cabinet-2026!x' },
  }),
  'POST /api/v1/me/invitations/:invitationId/decline': async ({ t, who }) => ({
    url: `/api/v1/me/invitations/${await someInvitation(t, null, who?.email ?? uniqueEmail('nobody'))}/decline`,
  }),
  'POST /api/v1/practices/:practiceId/members/:userId/deactivate': async ({ t, practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/members/${(await freshMember(t, practiceId, 'trainee')).userId}/deactivate`,
  }),
  'GET /api/v1/practices/:practiceId/api-tokens': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/api-tokens`,
  }),
  'POST /api/v1/practices/:practiceId/api-tokens': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/api-tokens`,
    body: { name: 'intégration' },
  }),
  'DELETE /api/v1/practices/:practiceId/api-tokens/:tokenId': async ({ t, practiceId, who }) => {
    // The caller's own token when they are a member here, so the cell tests the permission, not ownership.
    const members = await t.services.db
      .selectFrom('memberships')
      .select('user_id')
      .where('practice_id', '=', practiceId)
      .where('ended_at', 'is', null)
      .execute();
    const owner = members[0]!.user_id;
    const userId = who && members.some((m) => m.user_id === who.userId) ? who.userId : owner;
    const { row } = await t.services.db
      .transaction()
      .execute((tx) =>
        t.services.auth.issueApiToken(tx, { practiceId, userId, name: 'à révoquer', createdBy: userId }),
      );
    return { url: `/api/v1/practices/${practiceId}/api-tokens/${row.id}` };
  },
  'GET /api/v1/practices/:practiceId/audit-trail': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/audit-trail?limit=10`,
  }),
  'GET /api/v1/practices/:practiceId/audit-trail/verification': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/audit-trail/verification`,
  }),
  'GET /api/v1/practices/:practiceId/audit-trail/export': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/audit-trail/export`,
  }),
  'GET /api/v1/practices/:practiceId/backup-status': async ({ practiceId }) => ({
    url: `/api/v1/practices/${practiceId}/backup-status`,
  }),
};

it('the access matrix agrees with the role → permission table', () => {
  for (const [route, entry] of Object.entries(matrix.routes)) {
    if (!entry.permission) continue;
    for (const role of ROLES)
      assert.equal(
        entry[role],
        ROLE_PERMISSIONS[role].includes(entry.permission) ? 'allow' : 'forbidden',
        `${route} × ${role}`,
      );
    assert.equal(entry.otherPractice, 'not_found', route);
  }
});

describeEachDialect('access matrix', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let otherOwnerEmail: string;
  before(async () => {
    t = await createTestApp(dialect);
    practiceId = (await createPractice(t, 'Cabinet A')).practiceId;
    otherOwnerEmail = (await createPractice(t, 'Cabinet B')).ownerEmail;
  });
  after(async () => t.close());

  it('has an entry and a request for every registered route, and none for routes that do not exist', () => {
    const registered = t.app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    assert.deepEqual(
      Object.keys(matrix.routes).sort(),
      registered,
      'docs/authz-matrix.json must list exactly the registered routes',
    );
    assert.deepEqual(Object.keys(BUILDERS).sort(), registered, 'every route needs a request builder in this test');
  });

  /** One enrolled person per column, signed in afresh for each cell (a new session each time, so cells never interfere). */
  const personas = new Map<Column, { email: string; password: string; totpSecret: string }>();

  async function actorFor(column: Column): Promise<Client | null> {
    if (column === 'noSession') return null;
    let p = personas.get(column);
    if (!p) {
      const email =
        column === 'otherPractice'
          ? otherOwnerEmail
          : (await freshMember(t, practiceId, column === 'noMfa' ? 'owner' : column)).email;
      const c = await completeMfa(t, await loginPasswordOnly(t, email, STRONG_PASSWORD));
      p = { email, password: STRONG_PASSWORD, totpSecret: c.totpSecret! };
      personas.set(column, p);
    }
    const pending = await loginPasswordOnly(t, p.email, p.password);
    if (column === 'noMfa') return { ...pending, totpSecret: p.totpSecret };
    return completeMfa(t, pending, p.totpSecret);
  }

  it('gives every route × column the outcome written in docs/authz-matrix.json', async () => {
    let cells = 0;
    for (const [route, entry] of Object.entries(matrix.routes)) {
      const [method] = route.split(' ');
      for (const column of matrix.columns) {
        const expected = entry[column];
        if (expected === 'not_applicable') continue;
        const who = await actorFor(column);
        const req = await BUILDERS[route]!({ t, practiceId, who });
        const res = await call(t, method!, req.url, {
          as: who,
          ...(req.body !== undefined ? { body: req.body } : {}),
          ...(req.headers ? { headers: req.headers } : {}),
        });
        if (route === 'POST /api/v1/auth/password' && res.statusCode === 200)
          personas.get(column)!.password = (req.body as { newPassword: string }).newPassword;
        if (route === 'POST /api/v1/auth/mfa/re-enrollment/confirm' && res.statusCode === 200)
          personas.get(column)!.totpSecret = reEnrolledSecret;
        assertOutcome(res, expected, `${route} × ${column}`);
        cells++;
      }
    }
    assert.ok(cells >= 150, `${cells} cells checked`);
  });
});

/** A person who works in practices A and B (a consultant): nothing B does reaches what they have in A (issue 18). */
describeEachDialect('access matrix: a person in two practices', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(dialect);
  });
  after(async () => t.close());
  const invite = (owner: Client, practiceId: string, email: string, name: string) =>
    call(t, 'POST', `/api/v1/practices/${practiceId}/members`, {
      as: owner,
      body: { email, name, role: 'assistant', initialPassword: 'Provisoire-Cabinet-2026!x' },
    });

  it('nothing done in B reaches the session, tokens, idle delay or sign-ins the person has in A', async () => {
    const a = await createPractice(t, 'Cabinet A3');
    const b = await createPractice(t, 'Cabinet B3');
    const person = await addMember(t, a.practiceId, 'practitioner');
    const ownerB = await login(t, b.ownerEmail);
    const id = (await invite(ownerB, b.practiceId, person.email, 'Consultante')).json().invitationId as string;
    const c = await login(t, person.email);
    assert.equal(
      (
        await call(t, 'POST', `/api/v1/me/invitations/${id}/accept`, {
          as: c,
          body: { temporaryPassword: 'Provisoire-Cabinet-2026!x' },
        })
      ).statusCode,
      200,
    );
    const tokenA = (
      await call(t, 'POST', `/api/v1/practices/${a.practiceId}/api-tokens`, { as: c, body: { name: 'A' } })
    ).json().token as string;
    const tokenB = (
      await call(t, 'POST', `/api/v1/practices/${b.practiceId}/api-tokens`, { as: c, body: { name: 'B' } })
    ).json().token as string;
    // B's owner sets a one-minute idle lock: the person's requests to A keep A's five minutes.
    assert.equal(
      (await call(t, 'PATCH', `/api/v1/practices/${b.practiceId}`, { as: ownerB, body: { idleLockMinutes: 1 } }))
        .statusCode,
      200,
    );
    t.clock.advance(2 * 60_000);
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${a.practiceId}/patients`, { as: c })).statusCode,
      200,
      'B’s idle lock does not lock A’s work',
    );
    // B ends the membership: B's token ends, the session and A's token go on.
    const ownerB2 = await login(t, b.ownerEmail, STRONG_PASSWORD, { totpSecret: ownerB.totpSecret! });
    assert.equal(
      (
        await call(t, 'POST', `/api/v1/practices/${b.practiceId}/members/${person.userId}/deactivate`, {
          as: ownerB2,
          body: {},
        })
      ).statusCode,
      200,
    );
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${a.practiceId}/patients`, { as: c })).statusCode,
      200,
      'the session in A goes on',
    );
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${a.practiceId}/patients`, { as: { token: tokenA } })).statusCode,
      200,
      'A’s token goes on',
    );
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${b.practiceId}/patients`, { as: { token: tokenB } })).statusCode,
      401,
      'B’s token ends',
    );
    assert.equal((await call(t, 'GET', `/api/v1/practices/${b.practiceId}/patients`, { as: c })).statusCode, 404);
    // A sign-in after leaving B is not B's to see.
    t.clock.advance(60_000);
    await login(t, person.email, STRONG_PASSWORD, { totpSecret: c.totpSecret! });
    const ownerB3 = await login(t, b.ownerEmail, STRONG_PASSWORD, { totpSecret: ownerB.totpSecret! });
    const view = (
      await call(
        t,
        'GET',
        `/api/v1/practices/${b.practiceId}/audit-trail?scope=sign-ins&actorId=${person.userId}&limit=200`,
        { as: ownerB3 },
      )
    ).json().items as { ts: string; action: string }[];
    const membership = await t.services.db
      .selectFrom('memberships')
      .selectAll()
      .where('practice_id', '=', b.practiceId)
      .where('user_id', '=', person.userId)
      .executeTakeFirstOrThrow();
    assert.ok(view.length > 0, 'the sign-ins while a member are shown');
    assert.ok(
      view.every((e) => e.ts >= membership.created_at && e.ts <= membership.ended_at!),
      'none from before joining or after leaving',
    );
  });
});
