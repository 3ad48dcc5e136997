import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from './common/auth/auth.guard';
import { AllExceptionsFilter } from './common/exception.filter';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source';
import { DomainEventBus } from './common/domain-events';
import { StatementCountingLogger } from './common/sql-statement-counter';
import { AccountsModule } from './modules/accounts/accounts.module';
import { ActionFieldsModule } from './modules/action-fields/action-fields.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { MailModule } from './modules/mail/mail.module';
import { MembershipModule } from './modules/membership/membership.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { WorkingGroupsModule } from './modules/working-groups/working-groups.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { BoardsModule } from './modules/boards/boards.module';
import { DiscussionModule } from './modules/discussion/discussion.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ResearchModule } from './modules/research/research.module';
import { SearchModule } from './modules/search/search.module';
import { StartPageModule } from './modules/start/start-page.module';
import { RealtimeModule } from './realtime/realtime.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl, config.env.DATABASE_POOL_SIZE),
          migrationsRun: false,
          ...(config.env.SQL_STATEMENT_HEADER ? { logging: ['query', 'error'] as const, logger: new StatementCountingLogger() } : {}),
        }),
        MailModule,
        AuthModule,
        RealtimeModule,
        HealthModule,
        ActionFieldsModule,
        AccountsModule,
        MembershipModule,
        OrganisationsModule,
        WorkingGroupsModule,
        MeetingsModule,
        BoardsModule,
        NotificationsModule,
        DiscussionModule,
        ResearchModule,
        SearchModule,
        StartPageModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        DomainEventBus,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
      exports: [APP_CONFIG, DomainEventBus],
    };
  }
}
