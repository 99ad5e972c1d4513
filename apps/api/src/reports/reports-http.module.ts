import { ReportsModule } from '@app/reports';
import { Module } from '@nestjs/common';

@Module({
  imports: [ReportsModule],
  controllers: [],
})
export class ReportsHttpModule {}
