import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkingGroupDetailDto, WorkingGroupPage } from '@allmende/contracts';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { GroupTransitionDto, InviteToGroupDto, JoinGroupDto, ProposeGroupDto, SetGroupRoleDto, UpdateGroupDto, WorkingGroupListQueryDto } from './dto/working-group.dto';
import { WorkingGroupsService } from './working-groups.service';

@ApiTags('working-groups')
@Controller('working-groups')
export class WorkingGroupsController {
  constructor(private readonly groups: WorkingGroupsService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Working groups, filtered by action field, state and "mine"; paginated' })
  list(@Query() query: WorkingGroupListQueryDto, @CurrentUser() user: AuthUser | undefined): Promise<WorkingGroupPage> {
    return this.groups.list(query, user);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'A working group with its state history and the members the caller may see' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser | undefined): Promise<WorkingGroupDetailDto> {
    return this.groups.get(id, user);
  }

  @ApiBearerAuth()
  @Post()
  @ApiOperation({ summary: 'Propose a working group (signatories); the proposer leads it' })
  propose(@Body() dto: ProposeGroupDto, @CurrentUser() user: AuthUser): Promise<WorkingGroupDetailDto> {
    return this.groups.propose(dto, user);
  }

  @ApiBearerAuth()
  @Patch(':id')
  @ApiOperation({ summary: 'Edit a working group (its leads and the office; not when dissolved)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateGroupDto, @CurrentUser() user: AuthUser): Promise<WorkingGroupDetailDto> {
    return this.groups.update(id, dto, user);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post(':id/transitions')
  @ApiOperation({ summary: 'Move the group through its lifecycle, with a reason and a date (office)' })
  transition(@Param('id', ParseUUIDPipe) id: string, @Body() dto: GroupTransitionDto, @CurrentUser() user: AuthUser): Promise<WorkingGroupDetailDto> {
    return this.groups.transition(id, dto, user);
  }

  @ApiBearerAuth()
  @Post(':id/members')
  @ApiOperation({ summary: 'Join an open group, ask to join a closed one, or accept an invitation' })
  join(@Param('id', ParseUUIDPipe) id: string, @Body() dto: JoinGroupDto, @CurrentUser() user: AuthUser): Promise<WorkingGroupDetailDto> {
    return this.groups.join(id, dto.organisationId, user);
  }

  @ApiBearerAuth()
  @Delete(':id/members/me')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Leave the group (or withdraw my request)' })
  leave(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.groups.leave(id, user);
  }

  @ApiBearerAuth()
  @Delete(':id/members/:personId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a member (leads and the office)' })
  remove(@Param('id', ParseUUIDPipe) id: string, @Param('personId', ParseUUIDPipe) personId: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.groups.removeMember(id, personId, user);
  }

  @ApiBearerAuth()
  @Put(':id/members/:personId/role')
  @ApiOperation({ summary: 'Make a member lead, co-lead or member (leads and the office)' })
  role(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() dto: SetGroupRoleDto,
    @CurrentUser() user: AuthUser,
  ): Promise<WorkingGroupDetailDto> {
    return this.groups.setRole(id, personId, dto.role, user);
  }

  @ApiBearerAuth()
  @Post(':id/requests/:personId/accept')
  @ApiOperation({ summary: 'Accept a request to join (leads and the office)' })
  accept(@Param('id', ParseUUIDPipe) id: string, @Param('personId', ParseUUIDPipe) personId: string, @CurrentUser() user: AuthUser): Promise<WorkingGroupDetailDto> {
    return this.groups.acceptRequest(id, personId, user);
  }

  @ApiBearerAuth()
  @Delete(':id/requests/:personId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Decline a request or withdraw an invitation (leads, the office, or the person)' })
  decline(@Param('id', ParseUUIDPipe) id: string, @Param('personId', ParseUUIDPipe) personId: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.groups.endRequest(id, personId, user);
  }

  @ApiBearerAuth()
  @Post(':id/invitations')
  @ApiOperation({ summary: 'Invite a person (leads and the office)' })
  invite(@Param('id', ParseUUIDPipe) id: string, @Body() dto: InviteToGroupDto, @CurrentUser() user: AuthUser): Promise<WorkingGroupDetailDto> {
    return this.groups.invite(id, dto.personId, user);
  }
}
