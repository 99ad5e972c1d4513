import { Module } from '@nestjs/common';

/** Import of units, positions and staff from CSV and XLSX. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class ImportHttpModule {}
