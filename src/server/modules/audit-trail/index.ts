export { AUDIT_ACTIONS, SERVER_CHAIN, type AuditAction, type AuditOutcome } from './audit-trail.catalogue.js';
export { AuditTrail, type AppendInput, type AuditContext } from './audit-trail.chain.js';
export { canonicalJson } from './audit-trail.rules.js';
export { AuditTrailService } from './audit-trail.service.js';
export { registerAuditTrailRoutes } from './audit-trail.routes.js';
export { GroupCommit } from './audit-trail.group-commit.js';
export { OnceAMinute } from './audit-trail.once-a-minute.js';
