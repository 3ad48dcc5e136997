import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DIGEST_FREQUENCIES, type DigestFrequency, type NotificationPage, type NotificationSettingsDto } from '@allmende/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { NotificationsService } from './notifications.service';

class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'Notification ids; none: all' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @Matches(/^\d{1,18}$/, { each: true }) ids?: string[];
}

class NotificationSettingsBody implements NotificationSettingsDto {
  @ApiProperty({ enum: DIGEST_FREQUENCIES }) @IsIn(DIGEST_FREQUENCIES as DigestFrequency[]) digest!: DigestFrequency;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOperation({ summary: 'My latest notifications and how many are unread' })
  list(@CurrentUser() user: AuthUser): Promise<NotificationPage> {
    return this.notifications.list(user);
  }

  @Post('notifications/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Mark notifications as read (all when no ids are given)' })
  markRead(@Body() dto: MarkReadDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.notifications.markRead(user, dto.ids);
  }

  @Get('me/notification-settings')
  @ApiOperation({ summary: 'How often the e-mail digest comes' })
  settings(@CurrentUser() user: AuthUser): Promise<NotificationSettingsDto> {
    return this.notifications.settings(user);
  }

  @Put('me/notification-settings')
  @ApiOperation({ summary: 'Choose the e-mail digest: off, daily or weekly' })
  saveSettings(@Body() dto: NotificationSettingsBody, @CurrentUser() user: AuthUser): Promise<NotificationSettingsDto> {
    return this.notifications.saveSettings(user, dto.digest);
  }
}
