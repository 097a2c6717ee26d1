import {
  ActivityInputSchema,
  DistributionSchema,
  ProcessorActivityInputSchema,
  type Activity,
  type NoticeKind,
} from '../../../contracts/register.js';
import * as repo from './register.repository.js';
import { dpiaLikely, dpiaScreening, missingFields } from './register.rules.js';

// Rows to answers: an activity (with what it still lacks), a processor, a notice's distribution.

export const fieldsOf = (row: { fields: string }) => ActivityInputSchema.parse(JSON.parse(row.fields));

export function presentActivity(r: repo.ActivityRow): Activity {
  const fields = fieldsOf(r);
  return {
    id: r.id,
    templateKey: r.template_key,
    status: r.status,
    fields,
    missing: missingFields(fields),
    dpiaLikely: dpiaLikely(fields),
    dpiaReason: dpiaScreening(fields).reason,
    version: Number(r.version),
    validatedAt: r.validated_at,
    validatedBy: r.validated_by,
    reviewDueOn: r.review_due_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const presentProcessor = (r: repo.ProcessorRow) => ({
  id: r.id,
  ...ProcessorActivityInputSchema.parse(JSON.parse(r.fields)),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function presentDistribution(x: repo.DistributionRow, v: { kind: NoticeKind; version: number }) {
  return DistributionSchema.parse({
    id: x.id,
    versionId: x.version_id,
    kind: v.kind,
    version: v.version,
    channel: x.channel,
    on: x.on_date,
    patientId: x.patient_id,
    note: x.note,
    recordedBy: x.recorded_by,
    recordedAt: x.recorded_at,
  });
}
