import { z } from 'zod';
import {
  AuditExportQuerySchema,
  AuditListQuerySchema,
  AuditListResponseSchema,
  AuditVerificationSchema,
} from './audit-trail.js';
import { PracticeParamsSchema } from './common.js';
import { route } from './http.js';

export const auditTrailRoutes = {
  list: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/audit-trail',
    params: PracticeParamsSchema,
    query: AuditListQuerySchema,
    response: AuditListResponseSchema,
  }),
  exportEntries: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/audit-trail/export',
    params: PracticeParamsSchema,
    query: AuditExportQuerySchema,
    response: z.string(),
  }),
  verify: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/audit-trail/verification',
    params: PracticeParamsSchema,
    response: AuditVerificationSchema,
  }),
};
