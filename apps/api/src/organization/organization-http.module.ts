import { OrganizationModule } from '@app/organization';
import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { ReferenceController } from './reference.controller';
import { StaffController } from './staff.controller';

/** Units, authorities, positions, staff, standard gaps and the audit trail. */
@Module({
  imports: [OrganizationModule],
  controllers: [StaffController, ReferenceController, AuditController],
  providers: [],
})
export class OrganizationHttpModule {}
