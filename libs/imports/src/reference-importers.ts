import { importAuthorities } from './authorities.importer';
import { importIntakes, importPrograms, importProviders } from './catalog.importers';
import { importAllocations, importFunds } from './funds.importer';
import type { Importer } from './importer';
import { importPlanningPools } from './planning-pools.importer';
import type { ReferenceImportKind } from './reference-columns';

/** The importers of the reference data kinds (admins only, see ImportService.authorize). */
export const REFERENCE_IMPORTERS: Record<ReferenceImportKind, Importer> = {
  authorities: importAuthorities,
  funds: importFunds,
  allocations: importAllocations,
  'planning-pools': importPlanningPools,
  providers: importProviders,
  programs: importPrograms,
  intakes: importIntakes,
};
