import { Body, Controller, Delete, Get, Header, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AgendaItemDto, CheckInListEntryDto, DecisionDto, MeetingDetailDto, MeetingPage, PollDto, RegistrationResponse } from '@allmende/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { CalendarService } from './calendar.service';
import {
  CastDotsDto,
  CheckInDto,
  CheckInListQuery,
  ClosePollDto,
  GuestRegistrationDto,
  MeetingListQueryDto,
  OpenPollDto,
  SaveAgendaItemDto,
  SaveDecisionDto,
  SaveMeetingDto,
  TokenDto,
} from './dto/meeting.dto';
import { MeetingsService } from './meetings.service';
import { PollsService } from './polls.service';

const sendCalendar = (res: Response, filename: string, body: string) => {
  res.setHeader('content-type', 'text/calendar; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
  res.send(body);
};

@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly polls: PollsService,
    private readonly calendar: CalendarService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Meetings the caller may see, by time range, kind, group or "mine"' })
  list(@Query() query: MeetingListQueryDto, @CurrentUser() user: AuthUser | undefined): Promise<MeetingPage> {
    return this.meetings.list(query, user);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'A meeting with agenda, decisions and the caller’s registration' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser | undefined): Promise<MeetingDetailDto> {
    return this.meetings.get(id, user);
  }

  @ApiBearerAuth()
  @Post()
  @ApiOperation({ summary: 'Create a meeting (office; group leads for their group sessions); plenaries are numbered' })
  create(@Body() dto: SaveMeetingDto, @CurrentUser() user: AuthUser): Promise<MeetingDetailDto> {
    return this.meetings.create(dto, user);
  }

  @ApiBearerAuth()
  @Put(':id')
  @ApiOperation({ summary: 'Edit a meeting (who runs it)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SaveMeetingDto, @CurrentUser() user: AuthUser): Promise<MeetingDetailDto> {
    return this.meetings.update(id, dto, user);
  }

  @ApiBearerAuth()
  @Post(':id/registrations')
  @ApiOperation({ summary: 'Register; when the meeting is full, join the waiting list' })
  register(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<RegistrationResponse> {
    return this.meetings.register(id, user);
  }

  @ApiBearerAuth()
  @Delete(':id/registrations/me')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Cancel my registration; the first person waiting moves up and is mailed' })
  cancel(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.meetings.cancelMine(id, user);
  }

  @Public()
  @Post(':id/guest-registrations')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Register for a public conference without an account (confirmed by e-mail)' })
  registerGuest(@Param('id', ParseUUIDPipe) id: string, @Body() dto: GuestRegistrationDto): Promise<{ status: 'pending_confirmation' }> {
    return this.meetings.registerGuest(id, dto);
  }

  @Public()
  @Get(':id/ics')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'The meeting as an iCalendar file (Europe/Berlin)' })
  async ics(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser | undefined, @Res() res: Response): Promise<void> {
    sendCalendar(res, `treffen-${id}.ics`, await this.calendar.meetingIcs(id, user));
  }

  @ApiBearerAuth()
  @Get(':id/check-ins')
  @ApiOperation({ summary: 'The check-in list with search (who runs the meeting)' })
  checkInList(@Param('id', ParseUUIDPipe) id: string, @Query() query: CheckInListQuery, @CurrentUser() user: AuthUser): Promise<CheckInListEntryDto[]> {
    return this.meetings.checkInList(id, query.q, user);
  }

  @ApiBearerAuth()
  @Post(':id/check-ins')
  @ApiOperation({ summary: 'Check a person in by QR code, registration or as a walk-in (who runs the meeting)' })
  checkIn(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CheckInDto, @CurrentUser() user: AuthUser): Promise<CheckInListEntryDto> {
    return this.meetings.checkIn(id, dto, user);
  }

  @ApiBearerAuth()
  @Post(':id/agenda')
  @ApiOperation({ summary: 'Add an agenda item (who runs the meeting)' })
  addAgendaItem(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SaveAgendaItemDto, @CurrentUser() user: AuthUser): Promise<AgendaItemDto[]> {
    return this.meetings.addAgendaItem(id, dto, user);
  }

  @ApiBearerAuth()
  @Put(':id/agenda/:itemId')
  @ApiOperation({ summary: 'Edit an agenda item and its minutes (who runs the meeting)' })
  updateAgendaItem(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() dto: SaveAgendaItemDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AgendaItemDto[]> {
    return this.meetings.updateAgendaItem(id, itemId, dto, user);
  }

  @ApiBearerAuth()
  @Delete(':id/agenda/:itemId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove an agenda item (who runs the meeting)' })
  deleteAgendaItem(@Param('id', ParseUUIDPipe) id: string, @Param('itemId', ParseUUIDPipe) itemId: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.meetings.deleteAgendaItem(id, itemId, user);
  }

  @Public()
  @Get(':id/decisions')
  @ApiOperation({ summary: 'Decisions of the meeting with method and participation level' })
  decisions(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser | undefined): Promise<DecisionDto[]> {
    return this.meetings.listDecisions(id, user);
  }

  @ApiBearerAuth()
  @Post(':id/decisions')
  @ApiOperation({ summary: 'Record a decision (who runs the meeting)' })
  addDecision(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SaveDecisionDto, @CurrentUser() user: AuthUser): Promise<DecisionDto> {
    return this.meetings.addDecision(id, dto, user);
  }

  @Public()
  @Get(':id/polls')
  @ApiOperation({ summary: 'Dot votes of the meeting with their current counts' })
  listPolls(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser | undefined): Promise<PollDto[]> {
    return this.polls.list(id, user);
  }

  @ApiBearerAuth()
  @Post(':id/polls')
  @ApiOperation({ summary: 'Open a dot vote (who runs the meeting)' })
  openPoll(@Param('id', ParseUUIDPipe) id: string, @Body() dto: OpenPollDto, @CurrentUser() user: AuthUser): Promise<PollDto> {
    return this.polls.open(id, dto, user);
  }
}

@ApiTags('meetings')
@Controller('polls')
export class PollsController {
  constructor(private readonly polls: PollsService) {}

  @ApiBearerAuth()
  @Post(':id/dots')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Distribute my dots (checked-in participants); replaces my earlier dots' })
  cast(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CastDotsDto, @CurrentUser() user: AuthUser): Promise<PollDto> {
    return this.polls.cast(id, dto.dots, user);
  }

  @ApiBearerAuth()
  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close the poll and optionally record the decision (who runs the meeting)' })
  close(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ClosePollDto, @CurrentUser() user: AuthUser): Promise<PollDto> {
    return this.polls.close(id, dto, user);
  }
}

@ApiTags('meetings')
@Controller()
export class RegistrationLinksController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly calendar: CalendarService,
  ) {}

  @Public()
  @Post('meeting-registrations/confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm a guest registration with the token from the mail' })
  confirm(@Body() dto: TokenDto): Promise<RegistrationResponse & { meetingId: string }> {
    return this.meetings.confirmGuest(dto.token);
  }

  @Public()
  @Post('meeting-registrations/cancel')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Cancel a guest registration with the token from the mail' })
  cancel(@Body() dto: TokenDto): Promise<void> {
    return this.meetings.cancelGuest(dto.token);
  }

  @Public()
  @Get('calendar/conferences.ics')
  @Header('cache-control', 'public, max-age=300')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'Public feed of the conferences' })
  async conferences(@Res() res: Response): Promise<void> {
    sendCalendar(res, 'allmende-fachtagungen.ics', await this.calendar.conferencesIcs());
  }

  @Public()
  @Get('calendar/feeds/:file')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'A personal feed of my meetings (secret address from POST /api/me/calendar-feed)' })
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    sendCalendar(res, 'allmende.ics', await this.calendar.personalIcs(file.replace(/\.ics$/, '')));
  }

  @ApiBearerAuth()
  @Post('me/calendar-feed')
  @ApiOperation({ summary: 'Create (or renew) my secret calendar feed address; the old one stops working' })
  renewFeed(@CurrentUser() user: AuthUser): Promise<{ url: string }> {
    return this.calendar.renewFeed(user);
  }

  @ApiBearerAuth()
  @Delete('me/calendar-feed')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke my calendar feed address' })
  revokeFeed(@CurrentUser() user: AuthUser): Promise<void> {
    return this.calendar.revokeFeed(user);
  }
}
