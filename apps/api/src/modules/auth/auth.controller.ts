import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { REFRESH_COOKIE, type AccessTokenResponse } from '@allmende/contracts';
import type { CookieOptions, Request, Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AuthService, LoginResult, SESSION_DAYS } from './auth.service';
import { ChangePasswordDto, ForgotPasswordDto, LoginDto, RegisterDto, ResetPasswordDto, VerifyEmailDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private cookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'strict',
      secure: (this.config.env.PUBLIC_URL ?? '').startsWith('https://'),
      path: '/api/auth',
    };
  }

  private withCookie(res: Response, result: LoginResult): AccessTokenResponse {
    res.cookie(REFRESH_COOKIE, result.refreshToken, { ...this.cookieOptions(), maxAge: SESSION_DAYS * 24 * 3600 * 1000 });
    res.setHeader('Cache-Control', 'no-store');
    return { accessToken: result.accessToken, expiresIn: result.expiresIn };
  }

  @Public()
  @Post('register')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Create an account; a verification mail follows (the same answer for known addresses)' })
  async register(@Body() dto: RegisterDto): Promise<{ status: 'verification_sent' }> {
    await this.auth.register(dto);
    return { status: 'verification_sent' };
  }

  @Public()
  @Post('verify-email')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Confirm the e-mail address with the token from the mail' })
  verify(@Body() dto: VerifyEmailDto): Promise<void> {
    return this.auth.verifyEmail(dto.token);
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in: an access token in the body, the refresh token in an httpOnly cookie' })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AccessTokenResponse> {
    const result = await this.auth.login(dto.email, dto.password, req.ip ?? 'unknown', req.headers['user-agent']);
    return this.withCookie(res, result);
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange the refresh cookie for a new access token (the cookie rotates)' })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AccessTokenResponse> {
    try {
      return this.withCookie(res, await this.auth.refresh(req.cookies?.[REFRESH_COOKIE]));
    } catch (e) {
      res.clearCookie(REFRESH_COOKIE, this.cookieOptions());
      throw e;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End this session (refresh cookie and access token stop working)' })
  async logout(@Req() req: Request, @CurrentUser() user: AuthUser | undefined, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.cookies?.[REFRESH_COOKIE], user?.sessionId);
    res.clearCookie(REFRESH_COOKIE, this.cookieOptions());
  }

  @Public()
  @Post('password/forgot')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Mail a reset link (the same answer for unknown addresses)' })
  async forgot(@Body() dto: ForgotPasswordDto): Promise<{ status: 'reset_mail_sent' }> {
    await this.auth.forgotPassword(dto.email);
    return { status: 'reset_mail_sent' };
  }

  @Public()
  @Post('password/reset')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Set a new password with the token from the mail; ends every session' })
  reset(@Body() dto: ResetPasswordDto): Promise<void> {
    return this.auth.resetPassword(dto.token, dto.password);
  }

  @Post('password/change')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change the password; ends every session, sign in again' })
  async change(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.changePassword(user.id, dto.currentPassword, dto.newPassword);
    res.clearCookie(REFRESH_COOKIE, this.cookieOptions());
  }
}
