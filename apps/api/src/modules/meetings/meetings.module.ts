import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CalendarService } from './calendar.service';
import { DocumentMailingJob } from './document-mailing.job';
import { DocumentsService } from './documents.service';
import { SmallGroupsService } from './small-groups.service';
import { MeetingsController, PollsController, RegistrationLinksController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { PollsService } from './polls.service';

@Module({
  imports: [NotificationsModule],
  controllers: [MeetingsController, PollsController, RegistrationLinksController],
  providers: [MeetingsService, PollsService, CalendarService, DocumentsService, SmallGroupsService, DocumentMailingJob],
})
export class MeetingsModule {}
