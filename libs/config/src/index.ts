export { loadConfig, loadConfigOrExit, redact } from './load-config';
export type { AppConfig } from './load-config';
export { APP_CONFIG, ConfigModule, InjectConfig } from './config.module';
