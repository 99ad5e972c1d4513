export * from './chain';
export * from './nomination-access';
export * from './nomination-queries.service';
export * from './nomination.service';
export * from './nominations.module';
export * from './workflow/transitions';
