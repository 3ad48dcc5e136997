import { Module } from '@nestjs/common';
import { CalendarService } from './calendar.service';
import { MeetingsController, PollsController, RegistrationLinksController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { PollsService } from './polls.service';

@Module({
  controllers: [MeetingsController, PollsController, RegistrationLinksController],
  providers: [MeetingsService, PollsService, CalendarService],
})
export class MeetingsModule {}
