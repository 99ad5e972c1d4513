import { REQUIREMENTS, Requirement } from '@app/organization';
import { GAP_TARGETS, GapTarget } from '@app/reports';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../http/paging';
import { PositionRefDto, StandardGapDto } from '../organization/staff.dto';
import { ReportFormatQueryDto } from './report-query.dto';

export class StandardGapsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only staff in this unit’s subtree.' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    enum: GAP_TARGETS,
    description: 'current: the post held now; planned: posts in the planning pool. Default both.',
  })
  @IsOptional()
  @IsIn(GAP_TARGETS)
  target?: GapTarget;

  @ApiPropertyOptional({ enum: REQUIREMENTS, description: 'Only lines lacking this.' })
  @IsOptional()
  @IsIn(REQUIREMENTS)
  requirement?: Requirement;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], description: 'Overrides Accept.' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: ReportFormatQueryDto['format'];
}

export class StaffGapLineDto {
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty() staffCode: string;
  @ApiProperty({ example: 'Nguyễn Thị Hồng' }) fullName: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: GAP_TARGETS }) target: GapTarget;
  @ApiProperty({ type: PositionRefDto }) position: PositionRefDto;
  @ApiProperty({ type: Number, nullable: true, example: 2025 }) periodFrom: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 2030 }) periodTo: number | null;
  @ApiProperty({ type: [StandardGapDto] }) gaps: StandardGapDto[];
}

export class StaffGapPageDto {
  @ApiProperty({ type: [StaffGapLineDto] }) items: StaffGapLineDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
