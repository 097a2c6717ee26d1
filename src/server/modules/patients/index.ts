export { PatientsService, presentPatient } from './patients.service.js';
export { registerPatientRoutes } from './patients.routes.js';
export { searchKey } from './patients.rules.js';
