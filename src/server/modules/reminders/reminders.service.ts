import type { Role } from '../../../contracts/roles.js';
import type { Clock } from '../../platform/clock.js';
import type { Db, Executor } from '../../platform/db/database.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { newId } from '../../shared/ids.js';
import { can, type Permission } from '../access/index.js';
import type { AuditAction, AuditTrail } from '../audit-trail/index.js';
import type { PracticesService } from '../practices/index.js';
import type { TeamService } from '../team/index.js';
import type { Worklist } from '../worklist/index.js';
import { digestMail } from './reminders.digest.js';
import * as repo from './reminders.repository.js';
import { parisDate } from '../../platform/clock.js';

export type Lang = 'fr' | 'en';

/** One e-mail reminder due now: about which target, at which stage, to whom, in which words. */
export interface ReminderDue {
  practiceId: string;
  targetType: string;
  targetId: string;
  /** Sent once per target and stage (e.g. within_24h, 7_days, overdue). */
  stage: string;
  /** Who receives it: active members whose role holds the permission or is listed, and the people named. */
  audience: { permission?: Permission; roles?: readonly Role[]; userIds?: readonly (string | null)[] };
  /** The audit event recorded in the practice's trail when it is sent. */
  action: AuditAction;
  /** Where the web app opens the target (for the link in the e-mail). */
  path: string;
  /** The message; it says when and where to look, never personal or health content. */
  mail(lang: Lang, ctx: { person: string; practice: string; link: string | null }): { subject: string; text: string };
}

/** A module's reminders: what is due now, across every practice (a system job that acts for no one). */
export interface ReminderProvider {
  module: string;
  due(db: Executor, now: Date): Promise<ReminderDue[]>;
}

export interface RemindersDeps {
  db: Db;
  clock: Clock;
  auditTrail: AuditTrail;
  practices: PracticesService;
  team: TeamService;
  mailer: Mailer;
  /** The to-do list, for the daily digest. */
  worklist: Worklist;
  /** The address people open Gardien at, for the link in the e-mail (none: no link). */
  publicOrigin?: string | undefined;
}

/**
 * E-mail reminders of the legal deadlines through the SMTP server the administrator configured. Each stage of each
 * target goes out once: sent, then recorded with its audit entry in one transaction. A server that was down sends only
 * the stage it wakes up in.
 */
export class Reminders {
  private readonly providers: ReminderProvider[] = [];

  constructor(private readonly deps: RemindersDeps) {}

  /** The address of a page of the web app, for the e-mail (none without a public origin). */
  private linkTo(path: string): string | null {
    return this.deps.publicOrigin ? `${this.deps.publicOrigin.replace(/\/$/, '')}${path}` : null;
  }

  register(provider: ReminderProvider): void {
    this.providers.push(provider);
  }

  async run(): Promise<{ sent: number }> {
    const now = this.deps.clock.now();
    let sent = 0;
    for (const provider of this.providers) {
      for (const due of await provider.due(this.deps.db, now)) {
        if (await repo.reminderSent(this.deps.db, due.targetType, due.targetId, due.stage)) continue;
        const practice = await this.deps.practices.identity(this.deps.db, due.practiceId);
        const { permission, roles = [], userIds = [] } = due.audience;
        const people = (await this.deps.team.activeMembers(this.deps.db, due.practiceId)).filter(
          (m) =>
            (permission !== undefined && can(m.role as Role, permission)) ||
            roles.includes(m.role as Role) ||
            userIds.includes(m.id),
        );
        const link = this.linkTo(due.path);
        for (const m of people)
          await this.deps.mailer.send({
            to: m.email,
            ...due.mail(m.language === 'en' ? 'en' : 'fr', { person: m.name, practice: practice.name, link }),
          });
        await this.deps.db.transaction().execute(async (tx) => {
          await repo.insertReminder(tx, {
            id: newId('rmd'),
            practice_id: due.practiceId,
            target_type: due.targetType,
            target_id: due.targetId,
            stage: due.stage,
            recipients: people.length,
            sent_at: now.toISOString(),
          });
          await this.deps.auditTrail.append(
            tx,
            {
              practiceId: due.practiceId,
              action: due.action,
              targetType: due.targetType,
              targetId: due.targetId,
              details: { stage: due.stage, recipients: people.length },
            },
            { actorId: 'system:reminders', actorRole: 'system', requestId: null, ip: null },
          );
        });
        sent++;
      }
    }
    return { sent };
  }

  /**
   * The daily digest: one e-mail per person who works in a practice and has something due there (what the to-do list
   * shows for their role, as counts and dates), at most once a Paris day, after 07:00.
   */
  async digest(): Promise<{ sent: number }> {
    const now = this.deps.clock.now();
    const day = parisDate(now);
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(now),
    );
    if (hour < 7) return { sent: 0 };
    let sent = 0;
    for (const practiceId of await this.deps.practices.allPracticeIds(this.deps.db)) {
      const practice = await this.deps.practices.identity(this.deps.db, practiceId);
      for (const m of await this.deps.team.activeMembers(this.deps.db, practiceId)) {
        if (
          !can(m.role as Role, 'worklist.read') ||
          (await repo.reminderSent(this.deps.db, 'digest', `${practiceId}:${m.id}`, day))
        )
          continue;
        const items = await this.deps.worklist.itemsForRole(this.deps.db, practiceId, m.role, now);
        if (items.length === 0) continue;
        const link = this.linkTo('/');
        await this.deps.mailer.send({
          to: m.email,
          ...digestMail(items, m.language === 'en' ? 'en' : 'fr', {
            person: m.name,
            practice: practice.name,
            now,
            link,
          }),
        });
        await this.deps.db.transaction().execute(async (tx) => {
          await repo.insertReminder(tx, {
            id: newId('rmd'),
            practice_id: practiceId,
            target_type: 'digest',
            target_id: `${practiceId}:${m.id}`,
            stage: day,
            recipients: 1,
            sent_at: now.toISOString(),
          });
          await this.deps.auditTrail.append(
            tx,
            {
              practiceId,
              action: 'worklist.digest-sent',
              targetType: 'user',
              targetId: m.id,
              details: { items: items.length },
            },
            { actorId: 'system:reminders', actorRole: 'system', requestId: null, ip: null },
          );
        });
        sent++;
      }
    }
    return { sent };
  }
}
