import { cliActor } from '../../src/server/shared/actor.js';
import { parisDate } from '../../src/server/platform/clock.js';

import {
  type Builder,
  someBreach,
  breachUrl,
  registerUrl,
  someActivity,
  someProcessorActivity,
  someNoticeVersion,
} from './access-matrix.js';

/** A valid request for each route of breaches, the register and notices, the audit trail, API tokens, the to-do list, backups. */
export const BUILDERS_WORK: Record<string, Builder> = {
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
