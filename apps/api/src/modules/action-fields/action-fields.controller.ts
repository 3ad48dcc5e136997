import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActionFieldDto } from '@allmende/contracts';
import { Public, Roles } from '../../common/auth/decorators';
import { SaveActionFieldDto } from './dto/save-action-field.dto';
import { ActionFieldsService } from './action-fields.service';
import { ListActionFieldsQuery } from './dto/list-action-fields.query';

@ApiTags('action-fields')
@Controller('action-fields')
export class ActionFieldsController {
  constructor(private readonly service: ActionFieldsService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The action fields (Handlungsfelder) in German and English, in their order' })
  list(@Query() query: ListActionFieldsQuery): Promise<ActionFieldDto[]> {
    return this.service.list(query.includeArchived ?? false);
  }

  @Roles('moderator', 'admin')
  @ApiBearerAuth()
  @Post()
  @ApiOperation({ summary: 'Add an action field (office, admin)' })
  create(@Body() dto: SaveActionFieldDto): Promise<ActionFieldDto> {
    return this.service.create(dto);
  }

  @Roles('moderator', 'admin')
  @ApiBearerAuth()
  @Put(':id')
  @ApiOperation({ summary: 'Edit, reorder or archive an action field (office, admin)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SaveActionFieldDto): Promise<ActionFieldDto> {
    return this.service.update(id, dto);
  }
}
