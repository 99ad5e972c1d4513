export type { ImportKind } from './columns';
export type { ReferenceImportKind } from './reference-columns';
export { ImportService } from './import.service';
export type { ImportFile } from './import.service';
