import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
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

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.env.LOG_LEVEL,
            // keep a caller's request id when it is well-formed, so logs can be joined across services
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl, config.env.DATABASE_POOL_SIZE),
          migrationsRun: false,
          ...(config.env.SQL_STATEMENT_HEADER ? { logging: ['query', 'error'] as const, logger: new StatementCountingLogger() } : {}),
        }),
        ...(config.webDist
          ? [ServeStaticModule.forRoot({ rootPath: config.webDist, exclude: ['/api{/*path}', '/socket.io{/*path}'] })]
          : []),
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
