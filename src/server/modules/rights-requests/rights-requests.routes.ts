import { PracticeParamsSchema } from '../../../contracts/common.js';
import {
  CreateRightsRequestSchema,
  ExtensionRequestSchema,
  IdentityReceivedSchema,
  IdentityRequestSchema,
  RightsRequestDetailSchema,
  RightsRequestListQuerySchema,
  RightsRequestListResponseSchema,
  RightsRequestParamsSchema,
  RightsRequestSchema,
  StatusChangeSchema,
} from '../../../contracts/rights-requests.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { RightsRequestsService } from './rights-requests.service.js';

const tags = ['rights-requests'];
const base = '/api/v1/practices/:practiceId/rights-requests';

export function registerRightsRequestRoutes(app: HttpServer, requests: RightsRequestsService): void {
  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Record a patient’s request; the due date is computed from the day it was received',
        params: PracticeParamsSchema,
        body: CreateRightsRequestSchema,
        response: { 201: RightsRequestSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await requests.create(actorOf(req), req.params.practiceId, req.body)),
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The requests, soonest due first (filters: status, kind, due before, open)',
        params: PracticeParamsSchema,
        querystring: RightsRequestListQuerySchema,
        response: { 200: RightsRequestListResponseSchema },
      },
    },
    async (req) => requests.list(actorOf(req), req.params.practiceId, req.query),
  );

  app.get(
    `${base}/:requestId`,
    {
      schema: {
        tags,
        summary: 'One request with its due date and history',
        params: RightsRequestParamsSchema,
        response: { 200: RightsRequestDetailSchema },
      },
    },
    async (req) => requests.get(actorOf(req), req.params.practiceId, req.params.requestId),
  );

  app.post(
    `${base}/:requestId/extension`,
    {
      schema: {
        tags,
        summary: 'Extend by two months (GDPR Art. 12(3)): only before the due date, the requester told why',
        params: RightsRequestParamsSchema,
        body: ExtensionRequestSchema,
        response: { 200: RightsRequestSchema },
      },
    },
    async (req) => requests.extend(actorOf(req), req.params.practiceId, req.params.requestId, req.body),
  );

  app.post(
    `${base}/:requestId/identity-request`,
    {
      schema: {
        tags,
        summary: 'Record that proof of identity was asked for: the GDPR clock stops until it arrives',
        params: RightsRequestParamsSchema,
        body: IdentityRequestSchema,
        response: { 200: RightsRequestSchema },
      },
    },
    async (req) =>
      requests.requestIdentity(actorOf(req), req.params.practiceId, req.params.requestId, req.body.requestedOn),
  );

  app.post(
    `${base}/:requestId/identity-received`,
    {
      schema: {
        tags,
        summary: 'Record that the proof of identity arrived: the clock starts again',
        params: RightsRequestParamsSchema,
        body: IdentityReceivedSchema,
        response: { 200: RightsRequestSchema },
      },
    },
    async (req) =>
      requests.identityReceived(actorOf(req), req.params.practiceId, req.params.requestId, req.body.receivedOn),
  );

  app.post(
    `${base}/:requestId/status`,
    {
      schema: {
        tags,
        summary: 'Move the request on: in progress, answered, refused (with reasons) or withdrawn',
        params: RightsRequestParamsSchema,
        body: StatusChangeSchema,
        response: { 200: RightsRequestSchema },
      },
    },
    async (req) => requests.changeStatus(actorOf(req), req.params.practiceId, req.params.requestId, req.body),
  );
}
