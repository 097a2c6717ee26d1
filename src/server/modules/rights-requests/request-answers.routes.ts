import { z } from 'zod';
import { OkResponseSchema, PracticeParamsSchema, textField } from '../../../contracts/common.js';
import {
  AnswerFileSchema,
  CreateLetterSchema,
  DecisionInputSchema,
  LetterFileQuerySchema,
  LetterSchema,
  LetterSentSchema,
  MAX_ANSWER_FILE_BYTES,
  RequestFileParamsSchema,
  RequestLetterParamsSchema,
  RequestsExportQuerySchema,
  RestrictionLiftSchema,
} from '../../../contracts/request-answers.js';
import { RightsRequestDetailSchema, RightsRequestParamsSchema } from '../../../contracts/rights-requests.js';
import { pickLang } from '../../platform/http/messages.js';
import { actorOf } from '../../platform/http/route-config.js';
import { sendFile } from '../../platform/http/send-file.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { RequestAnswersService } from './request-answers.service.js';
import type { RequestFilesService } from './request-files.service.js';

const tags = ['rights-requests'];
const base = '/api/v1/practices/:practiceId/rights-requests';
const one = `${base}/:requestId`;

/** The file's name and type travel in the query; its bytes are the body (application/octet-stream). */
const UploadQuerySchema = z.strictObject({
  name: textField(200).pipe(z.string().min(1)),
  type: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/i)
    .max(100)
    .optional(),
});

export function registerRequestAnswerRoutes(
  app: HttpServer,
  answers: RequestAnswersService,
  files: RequestFilesService,
): void {
  app.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: 'The register of rights requests as PDF, CSV or XLSX',
        params: PracticeParamsSchema,
        querystring: RequestsExportQuerySchema,
        response: { 200: z.string() },
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await answers.exportRegister(
          actorOf(req),
          req.params.practiceId,
          req.query.format,
          pickLang(req.headers['accept-language']),
        ),
      ),
  );

  app.post(
    `${one}/decision`,
    {
      schema: {
        tags,
        summary:
          'Confirm the answer item by item with its legal ground (Art. 12); sets the patient flags it implies and writes the answer letter into the log',
        params: RightsRequestParamsSchema,
        body: DecisionInputSchema,
        response: { 200: RightsRequestDetailSchema },
      },
    },
    async (req) => answers.decide(actorOf(req), req.params.practiceId, req.params.requestId, req.body),
  );

  app.post(
    `${one}/restriction-lift`,
    {
      schema: {
        tags,
        summary: 'Lift a restriction granted by this request, once the patient has been told (Art. 18(3))',
        params: RightsRequestParamsSchema,
        body: RestrictionLiftSchema,
        response: { 200: RightsRequestDetailSchema },
      },
    },
    async (req) =>
      answers.liftRestriction(actorOf(req), req.params.practiceId, req.params.requestId, req.body.liftedOn),
  );

  app.post(
    `${one}/letters`,
    {
      schema: {
        tags,
        summary:
          'Generate a letter (acknowledgement, identity request, extension, answer, refusal, restriction lifted) into the letter log',
        params: RightsRequestParamsSchema,
        body: CreateLetterSchema,
        response: { 201: LetterSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await answers.createLetter(actorOf(req), req.params.practiceId, req.params.requestId, req.body)),
  );

  app.get(
    `${one}/letters/:letterId`,
    {
      schema: {
        tags,
        summary: 'A letter as generated, as PDF or text',
        params: RequestLetterParamsSchema,
        querystring: LetterFileQuerySchema,
        response: { 200: z.string() },
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await answers.letterFile(
          actorOf(req),
          req.params.practiceId,
          req.params.requestId,
          req.params.letterId,
          req.query.format,
        ),
      ),
  );

  app.post(
    `${one}/letters/:letterId/sent`,
    {
      schema: {
        tags,
        summary: 'Record when and how a letter was sent',
        params: RequestLetterParamsSchema,
        body: LetterSentSchema,
        response: { 200: LetterSchema },
      },
    },
    async (req) =>
      answers.letterSent(actorOf(req), req.params.practiceId, req.params.requestId, req.params.letterId, req.body),
  );

  app.post(
    `${one}/files`,
    {
      bodyLimit: MAX_ANSWER_FILE_BYTES + 1024,
      schema: {
        tags,
        summary:
          'Store a file of the answer (body: the bytes, application/octet-stream; 20 MiB at most), encrypted at rest',
        params: RightsRequestParamsSchema,
        querystring: UploadQuerySchema,
        response: { 201: AnswerFileSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await files.uploadFile(actorOf(req), req.params.practiceId, req.params.requestId, req.query, req.body)),
  );

  app.get(
    `${one}/files/:fileId`,
    {
      schema: {
        tags,
        summary: 'Download a file of the answer',
        params: RequestFileParamsSchema,
        response: { 200: z.string() },
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await files.fileContent(actorOf(req), req.params.practiceId, req.params.requestId, req.params.fileId),
      ),
  );

  app.delete(
    `${one}/files/:fileId`,
    {
      schema: {
        tags,
        summary: 'Remove a file put there by mistake (while the request is open)',
        params: RequestFileParamsSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) => files.deleteFile(actorOf(req), req.params.practiceId, req.params.requestId, req.params.fileId),
  );

  app.get(
    `${one}/answer.zip`,
    {
      schema: {
        tags,
        summary: 'The answer in one ZIP: the files, the letters as PDF, an index with sizes and SHA-256',
        params: RightsRequestParamsSchema,
        response: { 200: z.string() },
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await files.answerZip(
          actorOf(req),
          req.params.practiceId,
          req.params.requestId,
          pickLang(req.headers['accept-language']),
        ),
      ),
  );
}
