import { Module } from '@nestjs/common';
import { PositionsService } from './positions.service';
import { StaffService } from './staff.service';
import { UnitsService } from './units.service';

@Module({
  providers: [StaffService, UnitsService, PositionsService],
  exports: [StaffService, UnitsService, PositionsService],
})
export class OrganizationModule {}
