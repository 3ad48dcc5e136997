import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AccessTokensService, JWT_ALGORITHM } from './access-tokens.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginLimiter } from './login-limiter';
import { OpenSessions } from './open-sessions';

@Global()
@Module({
  imports: [PassportModule, JwtModule.register({ signOptions: { algorithm: JWT_ALGORITHM }, verifyOptions: { algorithms: [JWT_ALGORITHM] } })],
  controllers: [AuthController],
  providers: [AccessTokensService, AuthService, JwtStrategy, LoginLimiter, OpenSessions],
  exports: [AccessTokensService, AuthService],
})
export class AuthModule {}
