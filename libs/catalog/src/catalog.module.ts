import { Module } from '@nestjs/common';
import { IntakesService } from './intakes.service';
import { ProgramsService } from './programs.service';
import { ProvidersService } from './providers.service';

/** Providers, programmes and intakes. */
@Module({
  providers: [ProvidersService, ProgramsService, IntakesService],
  exports: [ProvidersService, ProgramsService, IntakesService],
})
export class CatalogModule {}
