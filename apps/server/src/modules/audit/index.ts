/** What other parts of the app may use of the audit module; the rest is its own. */
export { AuditModule } from './audit.module.js';
export { AuditLog, type AuditRecord } from './audit-log.service.js';
