import { Body, Controller, Delete, Get, Header, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  DOCUMENT_MAX_BYTES,
  type AgendaItemDto,
  type CheckInListEntryDto,
  type DecisionDto,
  type MeetingDetailDto,
  type MeetingDocumentDto,
  type MeetingPage,
  type PollDto,
  type RegistrationResponse,
  type SmallGroupDto,
} from '@allmende/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { CalendarService } from './calendar.service';
import { DOCUMENT_UPLOAD, type UploadedDocument } from '../../common/uploads';
import { DocumentsService } from './documents.service';
import { SmallGroupsService } from './small-groups.service';
import {
  CancelMeetingDto,
  CastDotsDto,
  CreateSmallGroupDto,
  DistributeSmallGroupsDto,
  SaveSmallGroupDto,
  SetSmallGroupMembersDto,
  UploadDocumentDto,
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
    private readonly documents: DocumentsService,
    private readonly smallGroups: SmallGroupsService,
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
  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Call the meeting off; registered and waiting persons are mailed (who runs the meeting)' })
  cancelMeeting(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelMeetingDto, @CurrentUser() user: AuthUser): Promise<MeetingDetailDto> {
    return this.meetings.cancelMeeting(id, dto.reason ?? null, user);
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
  @Get(':id/documents')
  @ApiOperation({ summary: 'Documents of the meeting and its agenda items' })
  listDocuments(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser | undefined): Promise<MeetingDocumentDto[]> {
    return this.documents.list(id, user);
  }

  @ApiBearerAuth()
  @Post(':id/documents')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, agendaItemId: { type: 'string', format: 'uuid' } } } })
  @ApiOperation({ summary: `Attach a PDF or office file of at most ${DOCUMENT_MAX_BYTES} bytes (who runs the meeting)` })
  @UseInterceptors(FileInterceptor('file', DOCUMENT_UPLOAD))
  uploadDocument(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: UploadedDocument | undefined,
    @Body() dto: UploadDocumentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingDocumentDto> {
    return this.documents.upload(id, file, dto.agendaItemId ?? null, user);
  }

  @Public()
  @Get(':id/documents/:documentId')
  @ApiOperation({ summary: 'Download a document' })
  async downloadDocument(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @CurrentUser() user: AuthUser | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const doc = await this.documents.download(id, documentId, user);
    res.attachment(doc.filename);
    res.setHeader('content-type', doc.contentType);
    res.setHeader('cache-control', 'private, no-store');
    res.send(doc.content);
  }

  @ApiBearerAuth()
  @Delete(':id/documents/:documentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a document (who runs the meeting)' })
  deleteDocument(@Param('id', ParseUUIDPipe) id: string, @Param('documentId', ParseUUIDPipe) documentId: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.documents.remove(id, documentId, user);
  }

  @ApiBearerAuth()
  @Get(':id/small-groups')
  @ApiOperation({ summary: 'Small groups (Kleingruppen) of the meeting with members and notes' })
  listSmallGroups(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<SmallGroupDto[]> {
    return this.smallGroups.list(id, user);
  }

  @ApiBearerAuth()
  @Post(':id/small-groups')
  @ApiOperation({ summary: 'Form a small group (who runs the meeting)' })
  createSmallGroup(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateSmallGroupDto, @CurrentUser() user: AuthUser): Promise<SmallGroupDto[]> {
    return this.smallGroups.create(id, dto.name, user);
  }

  @ApiBearerAuth()
  @Post(':id/small-groups/distribute')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Spread the checked-in attendees without a small group over N groups (who runs the meeting)' })
  distributeSmallGroups(@Param('id', ParseUUIDPipe) id: string, @Body() dto: DistributeSmallGroupsDto, @CurrentUser() user: AuthUser): Promise<SmallGroupDto[]> {
    return this.smallGroups.distribute(id, dto.count, user);
  }

  @ApiBearerAuth()
  @Put(':id/small-groups/:groupId')
  @ApiOperation({ summary: 'Rename a small group (who runs the meeting) or edit its note (also its members)' })
  updateSmallGroup(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('groupId', ParseUUIDPipe) groupId: string,
    @Body() dto: SaveSmallGroupDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SmallGroupDto[]> {
    return this.smallGroups.update(id, groupId, dto, user);
  }

  @ApiBearerAuth()
  @Delete(':id/small-groups/:groupId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Dissolve a small group (who runs the meeting)' })
  deleteSmallGroup(@Param('id', ParseUUIDPipe) id: string, @Param('groupId', ParseUUIDPipe) groupId: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.smallGroups.remove(id, groupId, user);
  }

  @ApiBearerAuth()
  @Put(':id/small-groups/:groupId/members')
  @ApiOperation({ summary: 'Set who is in a small group; they leave any other small group of the meeting (who runs the meeting)' })
  setSmallGroupMembers(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('groupId', ParseUUIDPipe) groupId: string,
    @Body() dto: SetSmallGroupMembersDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SmallGroupDto[]> {
    return this.smallGroups.setMembers(id, groupId, dto.registrationIds, user);
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
