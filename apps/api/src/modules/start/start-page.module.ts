import { Controller, Get, Module } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StartPageDto } from '@allmende/contracts';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { StartPageService } from './start-page.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('me/start')
export class StartPageController {
  constructor(private readonly start: StartPageService) {}

  @Get()
  @ApiOperation({ summary: 'My start page: groups, next meetings, unread threads, my cards, open votes, office tasks' })
  get(@CurrentUser() user: AuthUser): Promise<StartPageDto> {
    return this.start.get(user);
  }
}

@Module({ controllers: [StartPageController], providers: [StartPageService] })
export class StartPageModule {}
