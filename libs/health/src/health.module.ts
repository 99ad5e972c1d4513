import { Module } from '@nestjs/common';
import { ProbeService } from './probe.service';
import { ReadinessService } from './readiness.service';

@Module({
  providers: [ReadinessService, ProbeService],
  exports: [ReadinessService, ProbeService],
})
export class HealthModule {}
