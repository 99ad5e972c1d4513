import { loadConfigOrExit } from '@app/config';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/** Entry for the TypeORM CLI (`typeorm migration:generate -d dist/libs/database/src/data-source.js`). */
export default new DataSource(buildDataSourceOptions(loadConfigOrExit()));
