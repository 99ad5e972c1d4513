export * from './workflow/transitions';
