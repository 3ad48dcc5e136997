import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  GroupMuteDto,
  MessageAttachmentDto,
  MessageDto,
  MessagePage,
  MessageRevisionDto,
  ModerationLogEntryDto,
  NamedRef,
  ReportDto,
  ThreadDto,
} from '@allmende/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { DOCUMENT_UPLOAD, type UploadedDocument } from '../../common/uploads';
import { DiscussionService } from './discussion.service';
import {
  CreateThreadDto,
  EditMessageDto,
  HideMessageDto,
  LockThreadDto,
  MarkThreadReadDto,
  MentionQueryDto,
  MessageListQueryDto,
  MuteDto,
  PostMessageDto,
  ReactDto,
  ReportMessageDto,
  ThreadListQueryDto,
} from './dto/discussion.dto';
import { ModerationService } from './moderation.service';

@ApiTags('discussion')
@ApiBearerAuth()
@Controller('threads')
export class ThreadsController {
  constructor(
    private readonly discussion: DiscussionService,
    private readonly moderation: ModerationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Threads the caller may read, by subject, with unread counts' })
  list(@Query() query: ThreadListQueryDto, @CurrentUser() user: AuthUser): Promise<ThreadDto[]> {
    return this.discussion.list(query, user);
  }

  @Post()
  @ApiOperation({ summary: 'Open a thread on a group, meeting, card or the alliance, with its first message; the same clientId again answers that thread (200)' })
  async create(
    @Body() dto: CreateThreadDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ thread: ThreadDto; message: MessageDto }> {
    const { thread, message, created } = await this.discussion.create(dto, user);
    if (!created) res.status(HttpStatus.OK);
    return { thread, message };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A thread' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<ThreadDto> {
    return this.discussion.get(id, user);
  }

  @Get(':id/messages')
  @ApiOperation({ summary: 'Messages in order: after an id (resume), before an id (scroll back), or the newest page' })
  messages(@Param('id', ParseUUIDPipe) id: string, @Query() query: MessageListQueryDto, @CurrentUser() user: AuthUser): Promise<MessagePage> {
    return this.discussion.messages(id, query, user);
  }

  @Post(':id/messages')
  @ApiOperation({ summary: 'Post a message; answered after commit; the same clientId again is stored once' })
  async post(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PostMessageDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MessageDto> {
    const { message, created } = await this.discussion.post(id, dto, user);
    if (!created) res.status(HttpStatus.OK);
    return message;
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Mark the thread read up to a message' })
  read(@Param('id', ParseUUIDPipe) id: string, @Body() dto: MarkThreadReadDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.discussion.markRead(id, dto.lastReadId, user);
  }

  @Get(':id/mentionable')
  @ApiOperation({ summary: 'Persons who may read the thread, for @-mentions' })
  mentionable(@Param('id', ParseUUIDPipe) id: string, @Query() query: MentionQueryDto, @CurrentUser() user: AuthUser): Promise<NamedRef[]> {
    return this.discussion.mentionable(id, query.q ?? '', user);
  }

  @Post(':id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Upload a document to attach to the next message (attachmentIds)' })
  @UseInterceptors(FileInterceptor('file', DOCUMENT_UPLOAD))
  upload(@Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: UploadedDocument | undefined, @CurrentUser() user: AuthUser): Promise<MessageAttachmentDto> {
    return this.discussion.upload(id, file, user);
  }

  @Put(':id/lock')
  @ApiOperation({ summary: 'Lock or unlock the thread (moderators)' })
  lock(@Param('id', ParseUUIDPipe) id: string, @Body() dto: LockThreadDto, @CurrentUser() user: AuthUser): Promise<ThreadDto> {
    return this.moderation.lock(id, dto.locked, dto.reason ?? null, user);
  }
}

@ApiTags('discussion')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(
    private readonly discussion: DiscussionService,
    private readonly moderation: ModerationService,
  ) {}

  @Patch(':id')
  @ApiOperation({ summary: 'Edit my message; the earlier text is kept' })
  edit(@Param('id', ParseIntPipe) id: number, @Body() dto: EditMessageDto, @CurrentUser() user: AuthUser): Promise<MessageDto> {
    return this.discussion.edit(id, dto.body, user);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a message (author or moderator); it stays as "deleted"' })
  remove(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthUser): Promise<void> {
    return this.discussion.remove(id, user);
  }

  @Get(':id/revisions')
  @ApiOperation({ summary: 'Earlier versions of a message (author and moderators)' })
  revisions(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthUser): Promise<MessageRevisionDto[]> {
    return this.discussion.revisions(id, user);
  }

  @Put(':id/reactions')
  @ApiOperation({ summary: 'Toggle my reaction' })
  react(@Param('id', ParseIntPipe) id: number, @Body() dto: ReactDto, @CurrentUser() user: AuthUser): Promise<MessageDto> {
    return this.discussion.react(id, dto.emoji, user);
  }

  @Get(':id/attachments/:attachmentId')
  @ApiOperation({ summary: 'Download an attachment' })
  async attachment(
    @Param('id', ParseIntPipe) id: number,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.discussion.attachment(id, attachmentId, user);
    res.attachment(file.filename);
    res.setHeader('content-type', file.contentType);
    res.setHeader('cache-control', 'private, no-store');
    res.send(file.content);
  }

  @Post(':id/reports')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Report a message to the moderators' })
  report(@Param('id', ParseIntPipe) id: number, @Body() dto: ReportMessageDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.moderation.report(id, dto.reason, user);
  }

  @Put(':id/hidden')
  @ApiOperation({ summary: 'Hide (with a reason) or unhide a message (moderators)' })
  hide(@Param('id', ParseIntPipe) id: number, @Body() dto: HideMessageDto, @CurrentUser() user: AuthUser): Promise<MessageDto> {
    return this.moderation.hide(id, dto.hidden, dto.reason ?? null, user);
  }
}

@ApiTags('discussion')
@ApiBearerAuth()
@Controller()
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Get('working-groups/:id/mutes')
  @ApiOperation({ summary: 'Active mutes in the group, newest first (office, group leads)' })
  mutes(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<GroupMuteDto[]> {
    return this.moderation.mutes(id, user);
  }

  @Post('working-groups/:id/mutes')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Mute a person in the group until a time (office, group leads)' })
  mute(@Param('id', ParseUUIDPipe) id: string, @Body() dto: MuteDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.moderation.mute(id, dto.personId, dto.until, dto.reason, user);
  }

  @Delete('working-groups/:id/mutes/:personId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End a mute (office, group leads)' })
  unmute(@Param('id', ParseUUIDPipe) id: string, @Param('personId', ParseUUIDPipe) personId: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.moderation.unmute(id, personId, user);
  }

  @Get('moderation/reports')
  @ApiOperation({ summary: 'Open reports the caller moderates' })
  reports(@CurrentUser() user: AuthUser): Promise<ReportDto[]> {
    return this.moderation.reports(user);
  }

  @Post('moderation/reports/:id/resolve')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Settle a report without hiding the message' })
  resolve(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.moderation.resolve(id, user);
  }

  @Roles('moderator', 'admin')
  @Get('moderation/log')
  @ApiOperation({ summary: 'The moderation log (office)' })
  log(): Promise<ModerationLogEntryDto[]> {
    return this.moderation.log();
  }
}
