import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  RESEARCH_GROUP_BYS,
  RESEARCH_PERIODS,
  type CompositionReport,
  type ContinuityReport,
  type CouncilReport,
  type CreateExportRequest,
  type ExportFormat,
  type ExportLogEntry,
  type ExportResult,
  type OutputsReport,
  type ParticipationReport,
  type ResearchFilter,
  type ResearchGroupBy,
  type ResearchPeriod,
  type StudyDto,
} from '@allmende/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { DomainError } from '../../common/domain-error';
import { trim } from '../../common/transforms';
import { CouncilReportService } from './council-report.service';
import { ExportsService } from './exports.service';
import { ResearchService } from './research.service';

class FilterDto implements ResearchFilter {
  @ApiPropertyOptional({ example: '2017-01-01' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2020-01-01' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actionField?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() group?: string;
}

class ParticipationQuery extends FilterDto {
  @ApiProperty({ enum: RESEARCH_GROUP_BYS }) @IsIn(RESEARCH_GROUP_BYS as ResearchGroupBy[]) groupBy!: ResearchGroupBy;
  @ApiPropertyOptional({ enum: RESEARCH_PERIODS }) @IsOptional() @IsIn(RESEARCH_PERIODS as ResearchPeriod[]) period?: ResearchPeriod;
}

class ContinuityQuery {
  @ApiPropertyOptional({ default: 2 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(20) k?: number;
  @ApiPropertyOptional({ default: 4 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(20) n?: number;
}

class CreateStudyDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3) @MaxLength(200) name!: string;
}

class CreateExportDto implements CreateExportRequest {
  @ApiProperty() @IsUUID() studyId!: string;
  @ApiProperty({ enum: ['csv', 'json'] }) @IsIn(['csv', 'json']) format!: ExportFormat;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

class CouncilQuery {
  @ApiProperty({ example: '2016-01-01' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ example: '2020-01-01' }) @IsISO8601({ strict: true }) to!: string;
}

/** Researchers and the office; every figure counts only persons with research consent. */
@ApiTags('research')
@ApiBearerAuth()
@Roles('researcher', 'moderator', 'admin')
@Controller('research')
export class ResearchController {
  constructor(
    private readonly research: ResearchService,
    private readonly exports: ExportsService,
  ) {}

  @Get('participation')
  @ApiOperation({ summary: 'Persons and events per month or quarter by actor type, sector, action field or group' })
  participation(@Query() q: ParticipationQuery): Promise<ParticipationReport> {
    return this.research.participation(q.groupBy, q.period ?? 'quarter', q);
  }

  @Get('continuity')
  @ApiOperation({ summary: 'Share of people at k of the last n plenaries; retention by the quarter people joined' })
  continuity(@Query() q: ContinuityQuery): Promise<ContinuityReport> {
    return this.research.continuity(q.k ?? 2, q.n ?? 4);
  }

  @Get('composition')
  @ApiOperation({ summary: 'Actor types of each group against the whole alliance' })
  composition(): Promise<CompositionReport> {
    return this.research.composition();
  }

  @Get('outputs')
  @ApiOperation({ summary: 'Cards per stage by group and action field; decisions by method and participation level' })
  outputs(): Promise<OutputsReport> {
    return this.research.outputs();
  }

  @Get('studies')
  @ApiOperation({ summary: 'Studies (each with its own pseudonym key)' })
  studies(): Promise<StudyDto[]> {
    return this.exports.studies();
  }

  @Post('studies')
  @ApiOperation({ summary: 'Start a study: a new secret for its pseudonyms' })
  createStudy(@Body() dto: CreateStudyDto, @CurrentUser() user: AuthUser): Promise<StudyDto> {
    return this.exports.createStudy(dto.name, user);
  }

  @Post('exports')
  @ApiOperation({ summary: 'Pseudonymised export (CSV or JSON) of persons and events with research consent, with codebook; logged' })
  export(@Body() dto: CreateExportDto, @CurrentUser() user: AuthUser): Promise<ExportResult> {
    return this.exports.export(dto, user);
  }

  @Get('exports')
  @ApiOperation({ summary: 'The export log: who exported what, when' })
  exportLog(): Promise<ExportLogEntry[]> {
    return this.exports.log();
  }
}

@ApiTags('research')
@ApiBearerAuth()
@Roles('moderator', 'admin')
@Controller('reports')
export class ReportsController {
  constructor(private readonly council: CouncilReportService) {}

  @Get('council')
  @ApiOperation({ summary: 'Report for the city council over a period (office)' })
  councilReport(@Query() q: CouncilQuery): Promise<CouncilReport> {
    if (q.to <= q.from) throw DomainError.badRequest('The period must end after it starts', 'INVALID_PERIOD');
    return this.council.report(q.from, q.to);
  }
}
