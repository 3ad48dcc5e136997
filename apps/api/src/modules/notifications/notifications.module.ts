import { Module } from '@nestjs/common';
import { DigestJob } from './digest.job';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, DigestJob],
  exports: [NotificationsService],
})
export class NotificationsModule {}
