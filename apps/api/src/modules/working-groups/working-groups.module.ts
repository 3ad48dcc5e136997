import { Module } from '@nestjs/common';
import { WorkingGroupsController } from './working-groups.controller';
import { WorkingGroupsService } from './working-groups.service';

@Module({ controllers: [WorkingGroupsController], providers: [WorkingGroupsService] })
export class WorkingGroupsModule {}
