import { InvitationsService } from '@app/access';
import { ImportService } from '@app/imports';
import { Module } from '@nestjs/common';
import { ImportController } from './import.controller';
import { ReferenceImportController } from './reference-import.controller';

/** Import of units, positions and staff from CSV and XLSX. */
@Module({
  imports: [],
  controllers: [ImportController, ReferenceImportController],
  providers: [ImportService, InvitationsService],
})
export class ImportHttpModule {}
