import { z } from 'zod';
import { OkResponseSchema, PracticeParamsSchema } from '../../../contracts/common.js';
import {
  ActivityDetailSchema,
  ActivityInputSchema,
  ActivityListSchema,
  ActivityParamsSchema,
  ActivitySchema,
  CreateActivitySchema,
  DistributionInputSchema,
  DistributionSchema,
  NoticeFileQuerySchema,
  NoticeParamsSchema,
  NoticesOverviewSchema,
  ProcessorActivityInputSchema,
  ProcessorActivityListSchema,
  ProcessorActivityParamsSchema,
  ProcessorActivitySchema,
  RegisterExportQuerySchema,
  TemplateListSchema,
} from '../../../contracts/register.js';
import { pickLang } from '../../platform/http/messages.js';
import { actorOf } from '../../platform/http/route-config.js';
import { sendFile } from '../../platform/http/send-file.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { NoticesService } from './notices.service.js';
import type { RegisterService } from './register.service.js';

const tags = ['register'];
const base = '/api/v1/practices/:practiceId/register';

export function registerRegisterRoutes(app: HttpServer, register: RegisterService, notices: NoticesService): void {
  app.get(
    `${base}/templates`,
    {
      schema: {
        tags,
        summary: 'The dental templates: the typical activities of a practice, pre-filled from the CNIL référentiel',
        params: PracticeParamsSchema,
        response: { 200: TemplateListSchema },
      },
    },
    async (req) => register.templates(actorOf(req), req.params.practiceId),
  );

  app.get(
    `${base}/activities`,
    {
      schema: {
        tags,
        summary: 'The activities of the register, each with what is missing and its DPIA screening',
        params: PracticeParamsSchema,
        response: { 200: ActivityListSchema },
      },
    },
    async (req) => register.list(actorOf(req), req.params.practiceId),
  );

  app.post(
    `${base}/activities`,
    {
      schema: {
        tags,
        summary: 'Add an activity from a template ({ templateKey }) or with its full fields; it starts as a draft',
        params: PracticeParamsSchema,
        body: CreateActivitySchema,
        response: { 201: ActivitySchema },
      },
    },
    async (req, reply) => reply.code(201).send(await register.create(actorOf(req), req.params.practiceId, req.body)),
  );

  app.get(
    `${base}/activities/:activityId`,
    {
      schema: {
        tags,
        summary: 'One activity with its validated versions',
        params: ActivityParamsSchema,
        response: { 200: ActivityDetailSchema },
      },
    },
    async (req) => register.get(actorOf(req), req.params.practiceId, req.params.activityId),
  );

  app.put(
    `${base}/activities/:activityId`,
    {
      schema: {
        tags,
        summary: 'Replace the fields of an activity (a draft again until validated)',
        params: ActivityParamsSchema,
        body: ActivityInputSchema,
        response: { 200: ActivitySchema },
      },
    },
    async (req) => register.update(actorOf(req), req.params.practiceId, req.params.activityId, req.body),
  );

  app.delete(
    `${base}/activities/:activityId`,
    {
      schema: {
        tags,
        summary: 'Remove an activity never validated',
        params: ActivityParamsSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) => register.remove(actorOf(req), req.params.practiceId, req.params.activityId),
  );

  app.post(
    `${base}/activities/:activityId/validation`,
    {
      schema: {
        tags,
        summary: 'Validate an activity (owner): a dated, immutable version; the review falls due twelve months later',
        params: ActivityParamsSchema,
        response: { 200: ActivitySchema },
      },
    },
    async (req) => register.validate(actorOf(req), req.params.practiceId, req.params.activityId),
  );

  app.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: 'The register as PDF, DOCX, XLSX (CNIL layout), CSV or JSON, from live data',
        params: PracticeParamsSchema,
        querystring: RegisterExportQuerySchema,
        response: { 200: z.string() },
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await register.export(
          actorOf(req),
          req.params.practiceId,
          req.query.format,
          pickLang(req.headers['accept-language']),
        ),
      ),
  );

  app.get(
    `${base}/processor-activities`,
    {
      schema: {
        tags,
        summary: 'The processor register (Art. 30(2))',
        params: PracticeParamsSchema,
        response: { 200: ProcessorActivityListSchema },
      },
    },
    async (req) => register.listProcessors(actorOf(req), req.params.practiceId),
  );

  app.post(
    `${base}/processor-activities`,
    {
      schema: {
        tags,
        summary: 'Add an entry to the processor register',
        params: PracticeParamsSchema,
        body: ProcessorActivityInputSchema,
        response: { 201: ProcessorActivitySchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await register.createProcessor(actorOf(req), req.params.practiceId, req.body)),
  );

  app.put(
    `${base}/processor-activities/:processorActivityId`,
    {
      schema: {
        tags,
        summary: 'Change an entry of the processor register',
        params: ProcessorActivityParamsSchema,
        body: ProcessorActivityInputSchema,
        response: { 200: ProcessorActivitySchema },
      },
    },
    async (req) =>
      register.updateProcessor(actorOf(req), req.params.practiceId, req.params.processorActivityId, req.body),
  );

  app.delete(
    `${base}/processor-activities/:processorActivityId`,
    {
      schema: {
        tags,
        summary: 'Remove an entry of the processor register',
        params: ProcessorActivityParamsSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) => register.removeProcessor(actorOf(req), req.params.practiceId, req.params.processorActivityId),
  );

  app.get(
    '/api/v1/practices/:practiceId/notices',
    {
      schema: {
        tags,
        summary: 'The versions of the patient information and the record of their distribution',
        params: PracticeParamsSchema,
        response: { 200: NoticesOverviewSchema },
      },
    },
    async (req) => notices.notices(actorOf(req), req.params.practiceId),
  );

  app.post(
    '/api/v1/practices/:practiceId/notices/distributions',
    {
      schema: {
        tags,
        summary: 'Record that a version of the patient information was given, posted or published',
        params: PracticeParamsSchema,
        body: DistributionInputSchema,
        response: { 201: DistributionSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await notices.recordDistribution(actorOf(req), req.params.practiceId, req.body)),
  );

  app.get(
    '/api/v1/practices/:practiceId/notices/:kind',
    {
      schema: {
        tags,
        summary:
          'Patient information generated from the register: patient notice, waiting-room poster, website text, online booking mention (PDF, DOCX, HTML, text)',
        params: NoticeParamsSchema,
        querystring: NoticeFileQuerySchema,
        response: { 200: z.string() },
      },
    },
    async (req, reply) => {
      const f = await notices.notice(
        actorOf(req),
        req.params.practiceId,
        req.params.kind,
        req.query.format,
        req.query.language,
      );
      return sendFile(reply.header('x-gardien-notice-version', String(f.version)), f);
    },
  );
}
