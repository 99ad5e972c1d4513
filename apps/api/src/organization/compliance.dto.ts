import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class ComplianceQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this unit and its subtree (default: every unit).',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    enum: ['tier', 'unit'],
    default: 'tier',
    description:
      '`tier`: one group per tier. `unit`: one group per direct child of `unitId` (with its subtree), plus the unit itself for its own staff.',
  })
  @IsOptional()
  @IsIn(['tier', 'unit'])
  groupBy?: 'tier' | 'unit';
}

export class CountShareDto {
  @ApiProperty({ example: 1788 })
  count: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.9312,
    description: 'count / denominator, rounded to 4 decimals; null when the denominator is 0.',
  })
  share: number | null;
}

export class ComplianceFiguresDto {
  @ApiProperty({ example: 1920, description: 'Active staff the caller may see.' })
  total: number;

  @ApiProperty({
    example: 1862,
    description: 'Of them, those holding a position (the denominator of meetingStandard).',
  })
  withPosition: number;

  @ApiProperty({
    type: CountShareDto,
    description:
      "Meeting every requirement of their position's standard; the share is of withPosition (staff without a position are left out).",
  })
  meetingStandard: CountShareDto;

  @ApiProperty({ type: CountShareDto, description: 'University degree or higher; share of total.' })
  universityOrHigher: CountShareDto;

  @ApiProperty({
    type: CountShareDto,
    description: 'Intermediate political theory or higher; share of total.',
  })
  politicalTheoryIntermediateOrHigher: CountShareDto;
}

export class ComplianceTierDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'district' })
  code: string;

  @ApiProperty({ example: 'Cấp quận, huyện' })
  name: string;

  @ApiProperty({ example: 2 })
  level: number;
}

export class ComplianceUnitDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'CT.NK' })
  code: string;

  @ApiProperty({ example: 'Quận ủy Ninh Kiều' })
  name: string;
}

export class ComplianceGroupDto extends ComplianceFiguresDto {
  @ApiPropertyOptional({ type: ComplianceTierDto, description: 'With groupBy=tier.' })
  tier?: ComplianceTierDto;

  @ApiPropertyOptional({ type: ComplianceUnitDto, description: 'With groupBy=unit.' })
  unit?: ComplianceUnitDto;
}

export class ComplianceSummaryDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId: string | null;

  @ApiProperty({ enum: ['tier', 'unit'] })
  groupBy: 'tier' | 'unit';

  @ApiProperty({ type: ComplianceFiguresDto })
  overall: ComplianceFiguresDto;

  @ApiProperty({ type: [ComplianceGroupDto] })
  groups: ComplianceGroupDto[];
}
