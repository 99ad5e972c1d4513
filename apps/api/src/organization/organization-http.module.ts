import { Module } from '@nestjs/common';

/** Units, authorities, positions, staff, standard gaps and the audit trail. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class OrganizationHttpModule {}
