import { NoticeVersionSchema, type NoticeKind } from '../../../contracts/register.js';
import type { Clock } from '../../platform/clock.js';
import { type FileOut } from '../../platform/documents/file.js';
import { frenchDate } from '../../platform/documents/format.js';
import type { Lang } from '../../platform/http/messages.js';
import { actorId, type Actor } from '../../shared/actor.js';
import { AppError } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import { can, type Access } from '../access/index.js';
import type { PatientsService } from '../patients/index.js';
import type { PracticesService } from '../practices/index.js';
import { buildNotice, noticeFile } from './register.notices.js';
import { fieldsOf, presentDistribution } from './register.presenter.js';
import * as repo from './register.repository.js';
import { runInRegister } from './register.scope.js';
import type { RegisterService } from './register.service.js';
import { fingerprint } from './register.rules.js';
import { templateByKey } from './register.templates.js';
import { parisDate } from '../../platform/clock.js';

export interface NoticesDeps {
  access: Access;
  clock: Clock;
  practices: PracticesService;
  patients: PatientsService;
  /** The register's activities concerning patients: what a notice tells. */
  register: RegisterService;
}

/**
 * The information given to patients (Art. 13), generated from the practice identity and the register: each text kept
 * as a version with its fingerprint, and its distribution recorded (handed over, posted, sent).
 */
export class NoticesService {
  constructor(private readonly deps: NoticesDeps) {}

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  /**
   * A patient notice generated now from the practice identity and the register (the validated versions; the
   * drafts, or the patient-care template, until then). A new version is kept whenever the text changes.
   */
  async notice(
    actor: Actor,
    practiceId: string,
    kind: NoticeKind,
    format: 'pdf' | 'docx' | 'html' | 'txt',
    lang: Lang,
  ): Promise<FileOut & { version: number }> {
    const useCase = {
      permission: 'register.read',
      action: 'notice.generated',
      targetType: 'register',
      targetId: null,
    } as const;
    const { notice, version, practice } = await this.deps.access.run(
      actor,
      practiceId,
      useCase,
      async ({ tx, audit, role }) => {
        const practice = await this.deps.practices.identity(tx, practiceId);
        const rows = await repo.listActivities(tx, practiceId);
        const { fields, validated } = await this.deps.register.patientActivities(tx, practiceId, rows);
        // Once the register is validated, only validated versions speak to patients: a draft never reaches a notice.
        const webSource = validated ? (await repo.latestVersions(tx, practiceId)).map(fieldsOf) : rows.map(fieldsOf);
        const web = webSource.filter(
          (f) => f.data.some((d) => d.category === 'internet') && !f.people.some((x) => x.category === 'patients'),
        );
        const source = [...(fields.length > 0 ? fields : [templateByKey('patient_care')!.fields]), ...web];
        const notice = buildNotice(kind, practice, source, lang);
        const sha256 = fingerprint(notice);
        const last = await repo.latestNotice(tx, practiceId, kind, lang);
        let version = last ? Number(last.version) : 0;
        if (!last || last.sha256 !== sha256) {
          // A new text becomes a version only for someone who keeps the register: for a reader (an auditor) a read stays
          // a read, and the text is given as an unrecorded draft (version 0).
          if (role === 'admin' || can(role, 'register.manage')) {
            version += 1;
            await repo.insertNotice(tx, {
              id: newId('ntc'),
              practice_id: practiceId,
              kind,
              language: lang,
              version,
              content: JSON.stringify(notice),
              sha256,
              generated_at: this.now(),
              generated_by: actorId(actor),
            });
          } else version = 0;
        }
        audit.details = { kind, format, language: lang, version };
        return { notice, version, practice };
      },
    );
    const versionText =
      version > 0 ? `version ${version}` : lang === 'fr' ? 'projet non enregistré' : 'unrecorded draft';
    const footer = `${practice.name} — ${versionText} — ${lang === 'fr' ? frenchDate(parisDate(this.deps.clock.now())) : parisDate(this.deps.clock.now())}`;
    return { ...(await noticeFile(notice, kind, format, lang, footer)), version };
  }

  notices(actor: Actor, practiceId: string) {
    return runInRegister(this.deps.access, actor, practiceId, 'register.read', 'notice.listed', null, async (tx) => {
      const versions = (await repo.listNotices(tx, practiceId)).map((v) =>
        NoticeVersionSchema.parse({
          id: v.id,
          kind: v.kind,
          version: Number(v.version),
          language: v.language,
          generatedAt: v.generated_at,
          generatedBy: v.generated_by,
          sha256: v.sha256,
        }),
      );
      const byId = new Map(versions.map((v) => [v.id, v]));
      const distributions = (await repo.listDistributions(tx, practiceId)).map((x) =>
        presentDistribution(x, byId.get(x.version_id)!),
      );
      return { versions, distributions };
    });
  }

  /** "Given to patient X on…", "posted in the waiting room on…": linked to the patient index when a patient is named. */
  recordDistribution(
    actor: Actor,
    practiceId: string,
    input: { versionId: string; channel: string; on: string; patientId?: string | null | undefined; note: string },
  ) {
    return runInRegister(
      this.deps.access,
      actor,
      practiceId,
      'register.manage',
      'notice.distributed',
      null,
      async (tx, audit) => {
        const v = await repo.findNotice(tx, practiceId, input.versionId);
        if (!v)
          throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'versionId', code: 'unknown_notice_version' }] });
        if (input.on > parisDate(this.deps.clock.now()))
          throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'on', code: 'date_in_future' }] });
        if (input.on < parisDate(new Date(v.generated_at)))
          throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'on', code: 'before_generation' }] });
        if (input.patientId) await this.deps.patients.assertExists(tx, practiceId, input.patientId, 'patientId');
        const row: repo.DistributionRow = {
          id: newId('ntd'),
          practice_id: practiceId,
          version_id: v.id,
          channel: input.channel,
          on_date: input.on,
          patient_id: input.patientId ?? null,
          note: input.note,
          recorded_by: actorId(actor),
          recorded_at: this.now(),
        };
        await repo.insertDistribution(tx, row);
        audit.targetId = row.id;
        audit.details = {
          kind: v.kind,
          version: Number(v.version),
          channel: input.channel,
          on: input.on,
          patientId: row.patient_id,
        };
        return presentDistribution(row, { kind: v.kind, version: Number(v.version) });
      },
    );
  }
}
