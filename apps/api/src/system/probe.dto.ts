import { ApiProperty } from '@nestjs/swagger';

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

  @ApiProperty({ example: 12 })
  latencyMs: number;
}
