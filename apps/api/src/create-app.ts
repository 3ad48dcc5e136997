import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX } from '@allmende/contracts';
import cookieParser from 'cookie-parser';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { countSqlStatements } from './common/sql-statement-counter';
import { createLogger, NestPinoLogger, requestLog } from './common/logging';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import { serveWebApp } from './common/web-app';
import { RealtimeAdapter } from './realtime/realtime.adapter';

/** Builds the configured Nest application (used by main.ts and by the integration tests). */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  const logger = createLogger(config.env.LOG_LEVEL);
  app.useLogger(new NestPinoLogger(logger));
  app.setGlobalPrefix(API_PREFIX);
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  app.use(requestLog(logger));
  app.useBodyParser('json', { limit: '1mb' });
  app.use(securityHeaders());
  app.use(cookieParser());
  if (config.webDist) app.use(serveWebApp(config.webDist));
  if (config.env.SQL_STATEMENT_HEADER) app.use(countSqlStatements);
  app.useGlobalPipes(createValidationPipe());
  const realtime = new RealtimeAdapter(app, config);
  // with REDIS_URL, socket.io events reach the sockets of every API instance
  if (config.env.REDIS_URL) await realtime.connectRedis(config.env.REDIS_URL);
  app.useWebSocketAdapter(realtime);

  const openApi = new DocumentBuilder()
    .setTitle('Allmende API')
    .setDescription('API of Allmende, the platform of a local economic alliance')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json`,
  });
  return app;
}
