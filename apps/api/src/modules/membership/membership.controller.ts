import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CharterVersionDto, MembershipAdminDto, MembershipDto, MembershipHistoryEntryDto, Page, Role } from '@allmende/contracts';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { AdminRolesDto, MembershipListQuery, MembershipTransitionDto, PublishCharterDto } from './dto/membership.dto';
import { MembershipService } from './membership.service';

@ApiTags('charter')
@Controller('charter')
export class CharterController {
  constructor(private readonly membership: MembershipService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The current mission statement (Leitbild) and goals (Leitziele)' })
  current(): Promise<CharterVersionDto> {
    return this.membership.currentCharter();
  }

  @Roles('moderator', 'admin')
  @ApiBearerAuth()
  @Get('versions')
  @ApiOperation({ summary: 'Every published version (office)' })
  versions(): Promise<CharterVersionDto[]> {
    return this.membership.charterVersions();
  }

  @Roles('moderator', 'admin')
  @ApiBearerAuth()
  @Post('versions')
  @ApiOperation({ summary: 'Publish a new version; signatories are asked to confirm it (office)' })
  publish(@Body() dto: PublishCharterDto, @CurrentUser() user: AuthUser): Promise<CharterVersionDto> {
    return this.membership.publishCharter(dto, user);
  }
}

@ApiTags('memberships')
@ApiBearerAuth()
@Roles('moderator', 'admin')
@Controller('memberships')
export class MembershipsController {
  constructor(private readonly membership: MembershipService) {}

  @Get()
  @ApiOperation({ summary: 'Members with their alliance membership; status=awaiting_approval is the approval queue (office)' })
  list(@Query() query: MembershipListQuery): Promise<Page<MembershipAdminDto>> {
    return this.membership.list(query);
  }

  @Post(':personId/approve')
  @ApiOperation({ summary: 'Approve a signature: the person becomes a signatory (office)' })
  approve(@Param('personId', ParseUUIDPipe) personId: string, @CurrentUser() user: AuthUser): Promise<MembershipDto> {
    return this.membership.approve(personId, user);
  }

  @Post(':personId/transitions')
  @ApiOperation({ summary: 'Set active, dormant or left, with a reason (office)' })
  transition(
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() dto: MembershipTransitionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MembershipDto> {
    return this.membership.transition(personId, dto, user);
  }

  @Get(':personId/history')
  @ApiOperation({ summary: 'Every change of the membership (office)' })
  history(@Param('personId', ParseUUIDPipe) personId: string): Promise<MembershipHistoryEntryDto[]> {
    return this.membership.history(personId);
  }

  @Roles('admin')
  @Put(':personId/roles')
  @ApiOperation({ summary: 'Set the roles of a person (admin)' })
  roles(@Param('personId', ParseUUIDPipe) personId: string, @Body() dto: AdminRolesDto, @CurrentUser() user: AuthUser): Promise<Role[]> {
    return this.membership.setRoles(personId, dto.roles, user);
  }
}
