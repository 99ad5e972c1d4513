import { NominationsModule } from '@app/nominations';
import { Module } from '@nestjs/common';
import { NominationsController } from './nominations.controller';

@Module({ imports: [NominationsModule], controllers: [NominationsController] })
export class NominationsHttpModule {}
