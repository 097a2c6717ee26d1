import { z } from 'zod';
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
} from './breaches.js';
import { PracticeParamsSchema } from './common.js';
import { route } from './http.js';

const base = '/api/v1/practices/:practiceId/breaches';
const one = `${base}/:breachId`;
const params = BreachParamsSchema;
const response = BreachDetailSchema;

/** The breaches module's routes (Art. 33 and 34 GDPR). */
export const breachRoutes = {
  report: route({
    method: 'POST',
    path: base,
    params: PracticeParamsSchema,
    body: CreateBreachSchema,
    response,
    status: 201,
  }),
  list: route({
    method: 'GET',
    path: base,
    params: PracticeParamsSchema,
    query: BreachListQuerySchema,
    response: BreachListResponseSchema,
  }),
  exportRegister: route({
    method: 'GET',
    path: `${base}/export`,
    params: PracticeParamsSchema,
    query: BreachExportQuerySchema,
    response: z.string(),
  }),
  get: route({ method: 'GET', path: one, params, response }),
  update: route({ method: 'PATCH', path: one, params, body: UpdateBreachSchema, response }),
  assess: route({ method: 'PUT', path: `${one}/assessment`, params, body: AssessmentSchema, response }),
  decide: route({ method: 'POST', path: `${one}/decision`, params, body: DecisionSchema, response }),
  notify: route({ method: 'POST', path: `${one}/notifications`, params, body: NotificationInputSchema, response }),
  recordPeopleInformed: route({
    method: 'POST',
    path: `${one}/people-informed`,
    params,
    body: PeopleInformedSchema,
    response,
  }),
  addAction: route({ method: 'POST', path: `${one}/actions`, params, body: CreateActionSchema, response }),
  completeAction: route({
    method: 'POST',
    path: `${one}/actions/:actionId/done`,
    params: BreachActionParamsSchema,
    body: CompleteActionSchema,
    response,
  }),
  close: route({ method: 'POST', path: `${one}/close`, params, body: CloseBreachSchema, response }),
  cnilDraft: route({ method: 'GET', path: `${one}/cnil-draft`, params, response: CnilDraftSchema }),
  cnilDraftFile: route({
    method: 'GET',
    path: `${one}/cnil-draft/file`,
    params,
    query: CnilDraftFileQuerySchema,
    response: z.string(),
  }),
  patientLetter: route({
    method: 'GET',
    path: `${one}/letter`,
    params,
    query: PatientLetterQuerySchema,
    response: z.string(),
  }),
};
