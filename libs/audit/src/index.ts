export { auditEntities } from './audit-entry.entity';
export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export { AuditQueryService } from './audit-query.service';
