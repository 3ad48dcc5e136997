import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { SEARCH_KINDS, type SearchKind, type SearchResult } from '@allmende/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { trim } from '../../common/transforms';
import { PageQuery } from '../organisations/dto/organisation.dto';
import { SearchService } from './search.service';

class SearchQuery extends PageQuery {
  @ApiProperty({ example: 'Handwerksbetriebe' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) q!: string;
  @ApiPropertyOptional({ enum: SEARCH_KINDS }) @IsOptional() @IsIn(SEARCH_KINDS as SearchKind[]) kind?: SearchKind;
}

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Full-text search (German), grouped by kind; only what the caller may read. With kind: one kind, paginated' })
  find(@Query() query: SearchQuery, @CurrentUser() user: AuthUser | undefined): Promise<SearchResult> {
    return this.search.search(query.q, query.kind, query.page ?? 1, query.pageSize ?? 20, user);
  }
}
