import { CatalogModule } from '@app/catalog';
import { Module } from '@nestjs/common';
import { IntakeManagersGuard, IntakesController } from './intakes.controller';
import { ProgramsController } from './programs.controller';
import { ProvidersController } from './providers.controller';

/** Providers, programmes and intakes. */
@Module({
  imports: [CatalogModule],
  controllers: [ProvidersController, ProgramsController, IntakesController],
  providers: [IntakeManagersGuard],
})
export class CatalogHttpModule {}
