import { auditTrailRoutes as r } from '../../../contracts/audit-trail.routes.js';
import { routesOf } from '../../platform/http/route-table.js';
import { toCsv } from '../../platform/documents/csv.js';
import { pickLang } from '../../platform/http/messages.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { AuditTrailService } from './audit-trail.service.js';

export function registerAuditTrailRoutes(app: HttpServer, useCases: AuditTrailService): void {
  const serve = routesOf(app, ['audit-trail']);
  serve(r.list, 'Read the audit trail, newest first', async (req) => {
    return useCases.list(actorOf(req), req.params.practiceId, req.query);
  });

  serve(
    r.exportEntries,
    'Export the audit trail as CSV (UTF-8, ";"), formula injection neutralised',
    async (req, reply) => {
      const entries = await useCases.exportEntries(actorOf(req), req.params.practiceId, req.query);
      const lang = pickLang(req.headers['accept-language']);
      const csv = toCsv(
        CSV_HEADERS[lang],
        entries.map((e) => [
          e.seq,
          e.ts,
          e.actorId,
          e.actorRole,
          e.action,
          e.targetType,
          e.targetId,
          e.outcome,
          e.ip,
          e.requestId,
          e.details,
        ]),
      );
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="journal-${day}.csv"`)
        .serializer((p: unknown) => p as string)
        .send(csv);
    },
  );

  serve(
    r.verify,
    'Verify the integrity of the practice’s audit trail (hash chain and signed checkpoints)',
    async (req) => {
      return useCases.verify(actorOf(req), req.params.practiceId);
    },
  );
}

const CSV_HEADERS = {
  fr: [
    'N°',
    'Date (UTC)',
    'Personne',
    'Rôle',
    'Action',
    'Type de cible',
    'Cible',
    'Résultat',
    'Adresse IP',
    'Requête',
    'Détails',
  ],
  en: [
    'No.',
    'Date (UTC)',
    'Person',
    'Role',
    'Action',
    'Target type',
    'Target',
    'Outcome',
    'IP address',
    'Request',
    'Details',
  ],
};
