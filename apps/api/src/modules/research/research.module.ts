import { Module } from '@nestjs/common';
import { CouncilReportService } from './council-report.service';
import { ExportsService } from './exports.service';
import { ReportsController, ResearchController } from './research.controller';
import { ResearchService } from './research.service';

@Module({
  controllers: [ResearchController, ReportsController],
  providers: [ResearchService, ExportsService, CouncilReportService],
})
export class ResearchModule {}
