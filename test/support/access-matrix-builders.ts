import { BUILDERS_PROCESSORS } from './access-matrix-builders-processors.js';
import { totpCodeAt } from '../../src/server/modules/auth/index.js';
import { cliActor } from '../../src/server/shared/actor.js';
import { call, loginPasswordOnly, STRONG_PASSWORD, uniqueEmail } from './app.js';
import { parisDate } from '../../src/server/platform/clock.js';

import {
  type Builder,
  freshMember,
  somePatient,
  someRequest,
  requestUrl,
  someLetter,
  someRestriction,
  someFile,
  someInvitation,
} from './access-matrix.js';
import { BUILDERS_WORK } from './access-matrix-builders-work.js';

/** The new authenticator secret of the last re-enrolment cell: that persona signs in with it from then on. */
export let reEnrolledSecret = '';

/** A valid request for each route of sign-in, the account, the practice, its team, patients and rights requests. */
const BUILDERS_FIRST: Record<string, Builder> = {
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
};

/** A valid request for each route; a route without a builder fails the run, like a route without a matrix entry. */
export const BUILDERS: Record<string, Builder> = { ...BUILDERS_FIRST, ...BUILDERS_WORK, ...BUILDERS_PROCESSORS };
