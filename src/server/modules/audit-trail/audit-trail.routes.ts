import { AuditListQuerySchema, AuditListResponseSchema, AuditVerificationSchema } from '../../../contracts/audit-trail.js';
import { PracticeParamsSchema } from '../../../contracts/common.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { AuditTrailUseCases } from './audit-trail.use-cases.js';

const tags = ['audit-trail'];

export function registerAuditTrailRoutes(app: HttpServer, useCases: AuditTrailUseCases): void {
  app.get('/api/v1/practices/:practiceId/audit-trail', {
    schema: { tags, summary: 'Read the audit trail, newest first', params: PracticeParamsSchema, querystring: AuditListQuerySchema, response: { 200: AuditListResponseSchema } },
  }, async (req) => {
    return useCases.list(actorOf(req), req.params.practiceId, req.query);
  });

  app.get('/api/v1/practices/:practiceId/audit-trail/verification', {
    schema: { tags, summary: 'Verify the integrity of the practice’s audit trail (hash chain and signed checkpoints)', params: PracticeParamsSchema, response: { 200: AuditVerificationSchema } },
  }, async (req) => {
    return useCases.verify(actorOf(req), req.params.practiceId);
  });
}
