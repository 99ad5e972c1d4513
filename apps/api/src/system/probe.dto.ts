import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class RequestProbeDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'after deploying 1.4' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class ProbeRequestedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;
}

export class ProbeDto extends ProbeRequestedDto {
  @ApiProperty({ enum: ['processed'] })
  status: 'processed';

  @ApiProperty({ format: 'date-time' })
  processedAt: string;

  @ApiProperty({ example: 'worker-1:4242' })
  processedBy: string;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ example: 12 })
  latencyMs: number;
}
