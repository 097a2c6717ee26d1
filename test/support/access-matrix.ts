import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/contracts/roles.js';
import { type Permission } from '../../src/server/modules/access/index.js';
import { cliActor } from '../../src/server/shared/actor.js';
import { addMember, createPractice, uniqueEmail, type Client, type TestApp } from './app.js';
import { parisDate } from '../../src/server/platform/clock.js';

// The access matrix's vocabulary and the objects its requests act on (one of each, made fresh in a practice).

export type Outcome =
  'allow' | 'forbidden' | 'not_found' | 'unauthenticated' | 'mfa_required' | 'conflict' | 'not_applicable';
export type Column = Role | 'otherPractice' | 'noSession' | 'noMfa';
export interface MatrixEntry extends Record<Column, Outcome> {
  permission: Permission | null;
}

export const matrix = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/authz-matrix.json'), 'utf8'),
) as {
  columns: Column[];
  routes: Record<string, MatrixEntry>;
};

export function assertOutcome(res: LightMyRequestResponse, expected: Outcome, where: string): void {
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

export interface Cell {
  t: TestApp;
  practiceId: string;
  /** The person acting (absent without a session); a fresh account for each cell, so cells never interfere. */
  who: Client | null;
}
export type Builder = (
  c: Cell,
) => Promise<{ method?: string; url: string; body?: unknown; headers?: Record<string, string> }>;

export async function freshMember(t: TestApp, practiceId: string, role: Role) {
  return addMember(t, practiceId, role, uniqueEmail(`m-${role}`));
}

/** A fresh patient and a fresh open request for each cell, created by the server administrator. */
export const somePatient = async (t: TestApp, practiceId: string) =>
  (
    await t.services.patients.create(cliActor(), practiceId, {
      lastName: 'Martin',
      firstName: 'Zoé',
      birthDate: '1990-05-17',
    })
  ).id;
/** A fresh breach (aware an hour ago) for each cell, reported by the server administrator; optionally already decided. */
export const someBreach = async (t: TestApp, practiceId: string, decision?: 'notify_authority') => {
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
export const breachUrl = (practiceId: string, id: string, rest = '') =>
  `/api/v1/practices/${practiceId}/breaches/${id}${rest}`;
export const someRequest = async (t: TestApp, practiceId: string) =>
  (
    await t.services.rightsRequests.create(cliActor(), practiceId, {
      kind: 'erasure',
      receivedOn: parisDate(t.clock.now()),
      channel: 'email',
      requester: { name: 'Zoé Martin', relation: 'self' },
    })
  ).id;
export const requestUrl = (practiceId: string, id: string, rest = '') =>
  `/api/v1/practices/${practiceId}/rights-requests/${id}${rest}`;
/** A request with a letter (its acknowledgement) in the log. */
export const someLetter = async (t: TestApp, practiceId: string) => {
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
export const someFile = async (t: TestApp, practiceId: string) => {
  const id = await someRequest(t, practiceId);
  return {
    id,
    fileId: (
      await t.services.requestFiles.uploadFile(cliActor(), practiceId, id, { name: 'copie.txt' }, Buffer.from('copie'))
    ).id,
  };
};
export const registerUrl = (practiceId: string, rest = '') => `/api/v1/practices/${practiceId}/register${rest}`;
export const someActivity = async (t: TestApp, practiceId: string) =>
  (await t.services.register.create(cliActor(), practiceId, { templateKey: 'suppliers' })).id;
export const someProcessorActivity = async (t: TestApp, practiceId: string) =>
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
export let noticeSeq = 0;
export const someNoticeVersion = async (t: TestApp, practiceId: string) => {
  await t.services.practices.updatePractice(cliActor(), practiceId, {
    dpoContact: `dpo-${++noticeSeq}@cabinet.example.fr`,
  });
  await t.services.notices.notice(cliActor(), practiceId, 'patient', 'txt', 'fr');
  return (await t.services.notices.notices(cliActor(), practiceId)).versions[0]!.id;
};

/** A restriction granted to a fresh patient, its lifting notice sent today. */
export const someRestriction = async (t: TestApp, practiceId: string) => {
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
export const someInvitation = async (t: TestApp, practiceId: string | null, email: string) => {
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
