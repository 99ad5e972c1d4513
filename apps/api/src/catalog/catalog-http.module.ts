import { Module } from '@nestjs/common';

/** Providers, programmes and intakes. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class CatalogHttpModule {}
