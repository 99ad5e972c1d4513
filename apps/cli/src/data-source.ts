import { loadConfigOrExit } from '@app/config';
import { buildDataSourceOptions } from '@app/database';
import { schema } from '@app/schema';
import { DataSource } from 'typeorm';

/** Entry for the TypeORM CLI (`typeorm migration:generate -d dist/apps/cli/src/data-source.js`). */
export default new DataSource(buildDataSourceOptions(loadConfigOrExit(), schema));
