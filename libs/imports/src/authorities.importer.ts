import { BulkColumn } from './bulk';
import { plainFields, upsertByCode } from './upsert-by-code';

const AUTHORITY_COLUMNS: BulkColumn[] = [
  { column: 'code', field: 'code', type: 'text' },
  { column: 'name', field: 'name', type: 'text' },
  { column: 'kind', field: 'kind', type: 'text' },
  { column: 'unit_id', field: 'unitId', type: 'uuid' },
  { column: 'active', field: 'active', type: 'boolean' },
];

/** Management authorities, upserted by code; each sits in a stored unit. */
export const importAuthorities = upsertByCode({
  entity: 'authority',
  table: 'management_authorities',
  hasUpdatedAt: false,
  columns: AUTHORITY_COLUMNS,
  plain: plainFields(AUTHORITY_COLUMNS, 'code', 'name', 'kind', 'active'),
  references: [
    { key: 'unit_code', field: 'unitId', table: 'units', what: 'unit', code: 'UNKNOWN_UNIT' },
  ],
  emptyDefaults: { active: true },
});
