import { z } from 'zod';
import { OkResponseSchema, PracticeParamsSchema } from './common.js';
import {
  AnswerFileSchema,
  CreateLetterSchema,
  DecisionInputSchema,
  LetterFileQuerySchema,
  LetterSchema,
  LetterSentSchema,
  RequestFileParamsSchema,
  RequestLetterParamsSchema,
  RequestsExportQuerySchema,
  RestrictionLiftSchema,
  UploadQuerySchema,
} from './request-answers.js';
import { RightsRequestDetailSchema, RightsRequestParamsSchema } from './rights-requests.js';
import { route } from './http.js';

export const requestAnswerRoutes = {
  exportRegister: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/rights-requests/export',
    params: PracticeParamsSchema,
    query: RequestsExportQuerySchema,
    response: z.string(),
  }),
  decide: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId/decision',
    params: RightsRequestParamsSchema,
    body: DecisionInputSchema,
    response: RightsRequestDetailSchema,
  }),
  liftRestriction: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId/restriction-lift',
    params: RightsRequestParamsSchema,
    body: RestrictionLiftSchema,
    response: RightsRequestDetailSchema,
  }),
  createLetter: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId/letters',
    params: RightsRequestParamsSchema,
    body: CreateLetterSchema,
    response: LetterSchema,
    status: 201,
  }),
  letterFile: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId/letters/:letterId',
    params: RequestLetterParamsSchema,
    query: LetterFileQuerySchema,
    response: z.string(),
  }),
  letterSent: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId/letters/:letterId/sent',
    params: RequestLetterParamsSchema,
    body: LetterSentSchema,
    response: LetterSchema,
  }),
  uploadFile: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId/files',
    params: RightsRequestParamsSchema,
    query: UploadQuerySchema,
    response: AnswerFileSchema,
    status: 201,
  }),
  fileContent: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId/files/:fileId',
    params: RequestFileParamsSchema,
    response: z.string(),
  }),
  deleteFile: route({
    method: 'DELETE',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId/files/:fileId',
    params: RequestFileParamsSchema,
    response: OkResponseSchema,
  }),
  answerZip: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId/answer.zip',
    params: RightsRequestParamsSchema,
    response: z.string(),
  }),
};
