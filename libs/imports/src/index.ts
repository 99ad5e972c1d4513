export { IMPORT_COLUMNS, IMPORT_KINDS } from './columns';
export type { ColumnSpec, ImportKind } from './columns';
export * from './import.service';
export { mapHeader, parseRows } from './rows';
export type { ImportRowError, ParsedFile, ParsedRow } from './rows';
export { detectFormat, readTable } from './table';
export type { FileFormat, TableRow } from './table';
export { resolveUnitPaths } from './unit-tree';
export type { Cell } from './values';
