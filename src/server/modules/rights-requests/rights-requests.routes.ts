import { rightsRequestRoutes as r } from '../../../contracts/rights-requests.routes.js';
import { routesOf } from '../../platform/http/route-table.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { RightsRequestsService } from './rights-requests.service.js';

export function registerRightsRequestRoutes(app: HttpServer, requests: RightsRequestsService): void {
  const serve = routesOf(app, ['rights-requests']);
  serve(r.create, 'Record a patient’s request; the due date is computed from the day it was received', async (req) =>
    requests.create(actorOf(req), req.params.practiceId, req.body),
  );

  serve(r.list, 'The requests, soonest due first (filters: status, kind, due before, open)', async (req) =>
    requests.list(actorOf(req), req.params.practiceId, req.query),
  );

  serve(r.get, 'One request with its due date and history', async (req) =>
    requests.get(actorOf(req), req.params.practiceId, req.params.requestId),
  );

  serve(
    r.extend,
    'Extend by two months (GDPR Art. 12(3)): only before the due date, the requester told why',
    async (req) => requests.extend(actorOf(req), req.params.practiceId, req.params.requestId, req.body),
  );

  serve(
    r.requestIdentity,
    'Record that proof of identity was asked for: the GDPR clock stops until it arrives',
    async (req) =>
      requests.requestIdentity(actorOf(req), req.params.practiceId, req.params.requestId, req.body.requestedOn),
  );

  serve(r.identityReceived, 'Record that the proof of identity arrived: the clock starts again', async (req) =>
    requests.identityReceived(actorOf(req), req.params.practiceId, req.params.requestId, req.body.receivedOn),
  );

  serve(
    r.changeStatus,
    'Move the request on: in progress, answered, refused (with reasons) or withdrawn',
    async (req) => requests.changeStatus(actorOf(req), req.params.practiceId, req.params.requestId, req.body),
  );
}
