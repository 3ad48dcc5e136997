import { Module } from '@nestjs/common';
import { DirectoryService } from './directory.service';
import { MembersController, OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';

@Module({
  controllers: [OrganisationsController, MembersController],
  providers: [OrganisationsService, DirectoryService],
})
export class OrganisationsModule {}
