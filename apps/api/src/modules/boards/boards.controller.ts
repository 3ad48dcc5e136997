import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BoardCardDto, BoardDto, BoardSummaryDto, CardAttachmentDto, CardDto, CardEventDto, StrategyDto } from '@allmende/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { DOCUMENT_UPLOAD, type UploadedDocument } from '../../common/uploads';
import { BoardsService } from './boards.service';
import { CardsService } from './cards.service';
import { BoardFilterDto, CreateCardDto, MoveCardDto, SaveColumnLabelsDto, SaveStrategicGoalDto, UpdateCardDto } from './dto/board.dto';
import { StrategyService } from './strategy.service';

@ApiTags('boards')
@Controller('boards')
export class BoardsController {
  constructor(
    private readonly boards: BoardsService,
    private readonly cards: CardsService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The alliance board and the group boards, with cards per stage' })
  list(@CurrentUser() user: AuthUser | undefined): Promise<BoardSummaryDto[]> {
    return this.boards.list(user);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'A board: columns by stage with their cards in order (outsiders: public cards only)' })
  get(@Param('id', ParseUUIDPipe) id: string, @Query() filter: BoardFilterDto, @CurrentUser() user: AuthUser | undefined): Promise<BoardDto> {
    return this.boards.get(id, filter, user);
  }

  @ApiBearerAuth()
  @Put(':id/columns')
  @ApiOperation({ summary: 'Relabel the columns (who edits the board)' })
  saveColumns(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SaveColumnLabelsDto, @CurrentUser() user: AuthUser): Promise<BoardDto> {
    return this.boards.saveColumnLabels(id, dto.labels, user);
  }

  @ApiBearerAuth()
  @Post(':id/cards')
  @ApiOperation({ summary: 'Add a card at the end of a column (who edits the board)' })
  createCard(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateCardDto, @CurrentUser() user: AuthUser): Promise<CardDto> {
    return this.cards.create(id, dto, user);
  }
}

@ApiTags('boards')
@Controller('cards')
export class CardsController {
  constructor(private readonly cards: CardsService) {}

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'A card with description, checklist, lab record and attachments' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser | undefined): Promise<CardDto> {
    return this.cards.get(id, user);
  }

  @ApiBearerAuth()
  @Patch(':id')
  @ApiOperation({ summary: 'Change fields of a card; a stale version answers 409 with the current card' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCardDto, @CurrentUser() user: AuthUser): Promise<CardDto> {
    return this.cards.update(id, dto, user);
  }

  @ApiBearerAuth()
  @Post(':id/move')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Move a card to a stage, between two cards; answers the card as the board shows it; a stale version answers 409 with the current card' })
  move(@Param('id', ParseUUIDPipe) id: string, @Body() dto: MoveCardDto, @CurrentUser() user: AuthUser): Promise<BoardCardDto> {
    return this.cards.move(id, dto, user);
  }

  @ApiBearerAuth()
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a card (kept in the history)' })
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.cards.remove(id, user);
  }

  @Public()
  @Get(':id/history')
  @ApiOperation({ summary: 'Every creation, move and edit of the card, newest first (members of the alliance)' })
  history(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser | undefined): Promise<CardEventDto[]> {
    return this.cards.history(id, user);
  }

  @ApiBearerAuth()
  @Post(':id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Attach a PDF or office file (who edits the board)' })
  @UseInterceptors(FileInterceptor('file', DOCUMENT_UPLOAD))
  addAttachment(@Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: UploadedDocument | undefined, @CurrentUser() user: AuthUser): Promise<CardAttachmentDto> {
    return this.cards.addAttachment(id, file, user);
  }

  @Public()
  @Get(':id/attachments/:attachmentId')
  @ApiOperation({ summary: 'Download an attachment' })
  async attachment(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @CurrentUser() user: AuthUser | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.cards.attachment(id, attachmentId, user);
    res.attachment(file.filename);
    res.setHeader('content-type', file.contentType);
    res.setHeader('cache-control', 'private, no-store');
    res.send(file.content);
  }

  @ApiBearerAuth()
  @Delete(':id/attachments/:attachmentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove an attachment (who edits the board)' })
  removeAttachment(@Param('id', ParseUUIDPipe) id: string, @Param('attachmentId', ParseUUIDPipe) attachmentId: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.cards.removeAttachment(id, attachmentId, user);
  }
}

@ApiTags('boards')
@Controller('strategy')
export class StrategyController {
  constructor(private readonly strategy: StrategyService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Leitbild → Leitziele → strategic goals → measures (outsiders: public measures only)' })
  get(@CurrentUser() user: AuthUser | undefined): Promise<StrategyDto> {
    return this.strategy.get(user);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('goals')
  @ApiOperation({ summary: 'Add a strategic goal under a Leitziel (office)' })
  create(@Body() dto: SaveStrategicGoalDto, @CurrentUser() user: AuthUser): Promise<StrategyDto> {
    return this.strategy.createGoal(dto, user);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Put('goals/:id')
  @ApiOperation({ summary: 'Edit a strategic goal (office)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SaveStrategicGoalDto, @CurrentUser() user: AuthUser): Promise<StrategyDto> {
    return this.strategy.updateGoal(id, dto, user);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Delete('goals/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a strategic goal; its measures stay on their boards (office)' })
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.strategy.deleteGoal(id);
  }
}
