export { HealthModule } from './health.module';
export { ProbeService } from './probe.service';
export { ReadinessService } from './readiness.service';
export { healthEntities } from './system-probe.entity';
