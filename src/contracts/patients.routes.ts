import { PracticeParamsSchema } from './common.js';
import {
  CreatePatientRequestSchema,
  PatientImportReportSchema,
  PatientImportRequestSchema,
  PatientListQuerySchema,
  PatientListResponseSchema,
  PatientParamsSchema,
  PatientSchema,
  UpdatePatientRequestSchema,
} from './patients.js';
import { route } from './http.js';

export const patientRoutes = {
  create: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/patients',
    params: PracticeParamsSchema,
    body: CreatePatientRequestSchema,
    response: PatientSchema,
    status: 201,
  }),
  search: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/patients',
    params: PracticeParamsSchema,
    query: PatientListQuerySchema,
    response: PatientListResponseSchema,
  }),
  importCsv: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/patients/import',
    params: PracticeParamsSchema,
    body: PatientImportRequestSchema,
    response: PatientImportReportSchema,
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/patients/:patientId',
    params: PatientParamsSchema,
    response: PatientSchema,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/v1/practices/:practiceId/patients/:patientId',
    params: PatientParamsSchema,
    body: UpdatePatientRequestSchema,
    response: PatientSchema,
  }),
};
