import { Module } from '@nestjs/common';
import { CharterController, MembershipsController } from './membership.controller';
import { MembershipService } from './membership.service';

@Module({
  controllers: [CharterController, MembershipsController],
  providers: [MembershipService],
  exports: [MembershipService],
})
export class MembershipModule {}
