import { Module } from '@nestjs/common';
import { DiscussionModule } from '../modules/discussion/discussion.module';
import { RealtimeGateway } from './realtime.gateway';

@Module({ imports: [DiscussionModule], providers: [RealtimeGateway], exports: [RealtimeGateway] })
export class RealtimeModule {}
