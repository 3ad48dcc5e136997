import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActionFieldDto } from '@allmende/contracts';
import { Public } from '../../common/auth/decorators';
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
}
