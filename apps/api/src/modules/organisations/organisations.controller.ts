import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DirectoryPersonDto, OrganisationDetailDto, OrganisationDto, Page } from '@allmende/contracts';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { DirectoryService } from './directory.service';
import { DirectoryQueryDto, JoinOrganisationDto, OrganisationListQuery, SaveOrganisationDto } from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Organisations of the alliance, filtered by actor type, sector and name' })
  list(@Query() query: OrganisationListQuery): Promise<Page<OrganisationDto>> {
    return this.organisations.list(query);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'An organisation with the members who may be shown to the caller' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser | undefined): Promise<OrganisationDetailDto> {
    return this.organisations.get(id, user);
  }

  @ApiBearerAuth()
  @Post()
  @ApiOperation({ summary: 'Create an organisation; the creator becomes its representative' })
  create(@Body() dto: SaveOrganisationDto, @CurrentUser() user: AuthUser): Promise<OrganisationDetailDto> {
    return this.organisations.create(dto, user);
  }

  @ApiBearerAuth()
  @Put(':id')
  @ApiOperation({ summary: 'Edit an organisation (its representatives and the office)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SaveOrganisationDto, @CurrentUser() user: AuthUser): Promise<OrganisationDetailDto> {
    return this.organisations.update(id, dto, user);
  }

  @ApiBearerAuth()
  @Post(':id/affiliations')
  @ApiOperation({ summary: 'Ask to belong to the organisation as representative or employee' })
  join(@Param('id', ParseUUIDPipe) id: string, @Body() dto: JoinOrganisationDto, @CurrentUser() user: AuthUser): Promise<OrganisationDetailDto> {
    return this.organisations.join(id, dto.role, user);
  }

  @ApiBearerAuth()
  @Post(':id/affiliations/:affiliationId/confirm')
  @ApiOperation({ summary: 'Confirm that a person belongs to the organisation (its representatives and the office)' })
  confirm(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('affiliationId', ParseUUIDPipe) affiliationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<OrganisationDetailDto> {
    return this.organisations.confirm(id, affiliationId, user);
  }

  @ApiBearerAuth()
  @Delete(':id/affiliations/:affiliationId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End a membership of the organisation (the person, its representatives, the office)' })
  end(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('affiliationId', ParseUUIDPipe) affiliationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.organisations.endAffiliation(id, affiliationId, user);
  }
}

@ApiTags('members')
@Controller('members')
export class MembersController {
  constructor(private readonly directory: DirectoryService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Member directory: only persons who consented to public listing' })
  list(@Query() query: DirectoryQueryDto): Promise<Page<DirectoryPersonDto>> {
    return this.directory.members(query);
  }
}
