export * from './health.module';
export * from './probe.service';
export * from './readiness.service';
export * from './system-probe.entity';
