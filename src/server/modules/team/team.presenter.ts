import type { MemberListResponse } from '../../../contracts/practices.js';
import type * as repo from './team.repository.js';

type MemberRow = Awaited<ReturnType<typeof repo.findMembers>>[number];

export const presentMember = (m: MemberRow): MemberListResponse['items'][number] => ({
  userId: m.id,
  email: m.email,
  name: m.name,
  role: m.role,
  isActive: m.ended_at === null && m.is_disabled === 0,
  mfaEnabled: m.totp_secret !== null,
  joinedAt: m.created_at,
  endedAt: m.ended_at,
});

export const presentInvitation = (i: repo.InvitationRow): MemberListResponse['invitations'][number] => ({
  id: i.id,
  email: i.email,
  name: i.name,
  role: i.role,
  invitedAt: i.created_at,
  expiresAt: i.expires_at,
});
