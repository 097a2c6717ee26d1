export { Access, auditContext, type UseCase, type UseCaseScope } from './access.service.js';
export { can, PERMISSIONS, ROLE_DESCRIPTIONS, ROLE_PERMISSIONS, type Permission } from './access.policy.js';
