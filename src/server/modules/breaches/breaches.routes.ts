import { z } from 'zod';
import { PracticeParamsSchema } from '../../../contracts/common.js';
import {
  AssessmentSchema,
  BreachActionParamsSchema,
  BreachDetailSchema,
  BreachExportQuerySchema,
  BreachListQuerySchema,
  BreachListResponseSchema,
  BreachParamsSchema,
  CloseBreachSchema,
  CnilDraftFileQuerySchema,
  CnilDraftSchema,
  CompleteActionSchema,
  CreateActionSchema,
  CreateBreachSchema,
  DecisionSchema,
  NotificationInputSchema,
  PatientLetterQuerySchema,
  PeopleInformedSchema,
  UpdateBreachSchema,
} from '../../../contracts/breaches.js';
import { pickLang } from '../../platform/http/messages.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import { sendFile } from '../../platform/http/send-file.js';
import type { BreachDocumentsService } from './breach-documents.service.js';
import type { BreachesService } from './breaches.service.js';

const tags = ['breaches'];
const base = '/api/v1/practices/:practiceId/breaches';
const one = `${base}/:breachId`;

export function registerBreachRoutes(
  app: HttpServer,
  breaches: BreachesService,
  documents: BreachDocumentsService,
): void {
  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Report a breach: the 72-hour clock starts at awareAt (Art. 33(1)); a guided start adds its first steps as actions',
        params: PracticeParamsSchema,
        body: CreateBreachSchema,
        response: { 201: BreachDetailSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await breaches.report(
            actorOf(req),
            req.params.practiceId,
            req.body,
            pickLang(req.headers['accept-language']),
          ),
        ),
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The breaches, most recent awareness first',
        params: PracticeParamsSchema,
        querystring: BreachListQuerySchema,
        response: { 200: BreachListResponseSchema },
      },
    },
    async (req) => breaches.list(actorOf(req), req.params.practiceId, req.query),
  );

  app.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: 'The breach register (Art. 33(5)) as PDF, CSV or XLSX; with no breach, it says so as of today',
        params: PracticeParamsSchema,
        querystring: BreachExportQuerySchema,
        response: { 200: z.string() },
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await documents.exportRegister(
          actorOf(req),
          req.params.practiceId,
          req.query.format,
          pickLang(req.headers['accept-language']),
        ),
      ),
  );

  app.get(
    one,
    {
      schema: {
        tags,
        summary: 'One breach with its deadline, severity, decision, notifications, people informed and actions',
        params: BreachParamsSchema,
        response: { 200: BreachDetailSchema },
      },
    },
    async (req) => breaches.get(actorOf(req), req.params.practiceId, req.params.breachId),
  );

  app.patch(
    one,
    {
      schema: {
        tags,
        summary: 'Complete or correct the facts as they become known (consequences, measures, numbers…)',
        params: BreachParamsSchema,
        body: UpdateBreachSchema,
        response: { 200: BreachDetailSchema },
      },
    },
    async (req) => breaches.update(actorOf(req), req.params.practiceId, req.params.breachId, req.body),
  );

  app.put(
    `${one}/assessment`,
    {
      schema: {
        tags,
        summary:
          'Assess the severity (ENISA: SE = DPC × EI + CB); answers the score, the band and the proposed decision',
        params: BreachParamsSchema,
        body: AssessmentSchema,
        response: { 200: BreachDetailSchema },
      },
    },
    async (req) => breaches.assess(actorOf(req), req.params.practiceId, req.params.breachId, req.body),
  );

  app.post(
    `${one}/decision`,
    {
      schema: {
        tags,
        summary: 'Confirm the decision (record only / notify the CNIL / also inform the people) with its reasons',
        params: BreachParamsSchema,
        body: DecisionSchema,
        response: { 200: BreachDetailSchema },
      },
    },
    async (req) => breaches.decide(actorOf(req), req.params.practiceId, req.params.breachId, req.body),
  );

  app.post(
    `${one}/notifications`,
    {
      schema: {
        tags,
        summary:
          'Record a notification to the CNIL (initial, complementary or complete); after 72 hours the reasons for the delay are required',
        params: BreachParamsSchema,
        body: NotificationInputSchema,
        response: { 200: BreachDetailSchema },
      },
    },
    async (req) => breaches.notify(actorOf(req), req.params.practiceId, req.params.breachId, req.body),
  );

  app.post(
    `${one}/people-informed`,
    {
      schema: {
        tags,
        summary: 'Record who was informed, when and how (Art. 34)',
        params: BreachParamsSchema,
        body: PeopleInformedSchema,
        response: { 200: BreachDetailSchema },
      },
    },
    async (req) => breaches.recordPeopleInformed(actorOf(req), req.params.practiceId, req.params.breachId, req.body),
  );

  app.post(
    `${one}/actions`,
    {
      schema: {
        tags,
        summary: 'Add a corrective action with its owner and due date (in the to-do list until done)',
        params: BreachParamsSchema,
        body: CreateActionSchema,
        response: { 200: BreachDetailSchema },
      },
    },
    async (req) => breaches.addAction(actorOf(req), req.params.practiceId, req.params.breachId, req.body),
  );

  app.post(
    `${one}/actions/:actionId/done`,
    {
      schema: {
        tags,
        summary: 'Mark a corrective action as done',
        params: BreachActionParamsSchema,
        body: CompleteActionSchema,
        response: { 200: BreachDetailSchema },
      },
    },
    async (req) =>
      breaches.completeAction(
        actorOf(req),
        req.params.practiceId,
        req.params.breachId,
        req.params.actionId,
        req.body.doneOn,
      ),
  );

  app.post(
    `${one}/close`,
    {
      schema: {
        tags,
        summary: 'Close the breach once decided and every action is done (it stays in the register)',
        params: BreachParamsSchema,
        body: CloseBreachSchema,
        response: { 200: BreachDetailSchema },
      },
    },
    async (req) => breaches.close(actorOf(req), req.params.practiceId, req.params.breachId, req.body.closedOn),
  );

  app.get(
    `${one}/cnil-draft`,
    {
      schema: {
        tags,
        summary: 'The draft of the CNIL online notification, block by block, with what is still missing',
        params: BreachParamsSchema,
        response: { 200: CnilDraftSchema },
      },
    },
    async (req) => documents.cnilDraft(actorOf(req), req.params.practiceId, req.params.breachId),
  );

  app.get(
    `${one}/cnil-draft/file`,
    {
      schema: {
        tags,
        summary: 'The CNIL notification draft as text to copy block by block, or as PDF',
        params: BreachParamsSchema,
        querystring: CnilDraftFileQuerySchema,
        response: { 200: z.string() },
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await documents.cnilDraftFile(actorOf(req), req.params.practiceId, req.params.breachId, req.query.format),
      ),
  );

  app.get(
    `${one}/letter`,
    {
      schema: {
        tags,
        summary: 'The letter to the people affected, in plain words (text for an e-mail, PDF to print)',
        params: BreachParamsSchema,
        querystring: PatientLetterQuerySchema,
        response: { 200: z.string() },
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await documents.patientLetter(
          actorOf(req),
          req.params.practiceId,
          req.params.breachId,
          req.query.format,
          pickLang(req.headers['accept-language']),
        ),
      ),
  );
}
