import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { MessagesController, ModerationController, ThreadsController } from './discussion.controller';
import { DiscussionService } from './discussion.service';
import { ModerationService } from './moderation.service';

@Module({
  imports: [NotificationsModule],
  controllers: [ThreadsController, MessagesController, ModerationController],
  providers: [DiscussionService, ModerationService],
  exports: [DiscussionService],
})
export class DiscussionModule {}
