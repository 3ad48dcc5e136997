import { Module } from '@nestjs/common';
import { MembershipModule } from '../membership/membership.module';
import { AccountsService } from './accounts.service';
import { MeController } from './me.controller';

@Module({
  imports: [MembershipModule],
  controllers: [MeController],
  providers: [AccountsService],
})
export class AccountsModule {}
