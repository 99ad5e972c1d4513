import { ManagementAuthority } from './management-authority.entity';
import { Position } from './position.entity';
import { PlanningPoolEntry, StaffMember } from './staff.entity';
import { Tier } from './tier.entity';
import { Unit, UnitPlacement } from './unit.entity';

export { ManagementAuthority, PlanningPoolEntry, Position, StaffMember, Tier, Unit, UnitPlacement };

export const organizationEntities = [
  Tier,
  Unit,
  UnitPlacement,
  ManagementAuthority,
  Position,
  StaffMember,
  PlanningPoolEntry,
];
