import { z } from 'zod';
import { PracticeParamsSchema } from './common.js';
import { route } from './http.js';
import {
  CreateProcessorSchema,
  KindTemplateListSchema,
  ProcessorDetailSchema,
  ProcessorDocumentQuerySchema,
  ProcessorListExportQuerySchema,
  ProcessorListSchema,
  ProcessorParamsSchema,
  ProcessorSchema,
  ReviewProcessorSchema,
  UpdateProcessorSchema,
} from './processors.js';
import { UploadQuerySchema } from './request-answers.js';

const base = '/api/v1/practices/:practiceId/processors';
const one = `${base}/:processorId`;
const params = ProcessorParamsSchema;

/** The processors module's routes (Art. 28 GDPR, CSP L1111-8). */
export const processorRoutes = {
  templates: route({
    method: 'GET',
    path: `${base}/templates`,
    params: PracticeParamsSchema,
    response: KindTemplateListSchema,
  }),
  list: route({ method: 'GET', path: base, params: PracticeParamsSchema, response: ProcessorListSchema }),
  create: route({
    method: 'POST',
    path: base,
    params: PracticeParamsSchema,
    body: CreateProcessorSchema,
    response: ProcessorSchema,
    status: 201,
  }),
  exportList: route({
    method: 'GET',
    path: `${base}/export`,
    params: PracticeParamsSchema,
    query: ProcessorListExportQuerySchema,
    response: z.string(),
  }),
  get: route({ method: 'GET', path: one, params, response: ProcessorDetailSchema }),
  update: route({ method: 'PATCH', path: one, params, body: UpdateProcessorSchema, response: ProcessorDetailSchema }),
  review: route({
    method: 'POST',
    path: `${one}/reviews`,
    params,
    body: ReviewProcessorSchema,
    response: ProcessorDetailSchema,
  }),
  uploadContract: route({
    method: 'POST',
    path: `${one}/contract-file`,
    params,
    query: UploadQuerySchema,
    response: ProcessorDetailSchema,
    status: 201,
  }),
  contractFile: route({ method: 'GET', path: `${one}/contract-file`, params, response: z.string() }),
  clauses: route({
    method: 'GET',
    path: `${one}/clauses`,
    params,
    query: ProcessorDocumentQuerySchema,
    response: z.string(),
  }),
  questionnaire: route({
    method: 'GET',
    path: `${one}/questionnaire`,
    params,
    query: ProcessorDocumentQuerySchema,
    response: z.string(),
  }),
};
