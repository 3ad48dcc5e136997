import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REFRESH_COOKIE, type ConsentDto, type MeDto, type MembershipDto } from '@allmende/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { MembershipService } from '../membership/membership.service';
import { AccountsService } from './accounts.service';
import { DeleteAccountDto, SignCharterDto, UpdateConsentDto, UpdateProfileDto } from './dto/profile.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly membership: MembershipService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My profile, roles, alliance membership, consents and organisations' })
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.accounts.me(user.id);
  }

  @Patch()
  @ApiOperation({ summary: 'Edit my profile (name, phone, bio, language, interests by action field)' })
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateProfileDto): Promise<MeDto> {
    return this.accounts.updateProfile(user.id, dto);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete my account: personal data erased, contributions stay as "former member"' })
  async remove(@CurrentUser() user: AuthUser, @Body() dto: DeleteAccountDto, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.accounts.deleteAccount(user.id, dto.password);
    res.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
  }

  @Put('consents')
  @ApiOperation({ summary: 'Grant or revoke one consent purpose' })
  consent(@CurrentUser() user: AuthUser, @Body() dto: UpdateConsentDto): Promise<ConsentDto[]> {
    return this.accounts.setConsent(user.id, dto.purpose, dto.granted);
  }

  @Post('membership/sign')
  @ApiOperation({ summary: 'Sign (or confirm) the current mission statement and goals' })
  sign(@CurrentUser() user: AuthUser, @Body() dto: SignCharterDto): Promise<MembershipDto> {
    return this.membership.sign(user.id, dto.version);
  }

  @Post('membership/leave')
  @ApiOperation({ summary: 'Leave the alliance' })
  leave(@CurrentUser() user: AuthUser): Promise<MembershipDto> {
    return this.membership.transition(user.id, { to: 'left', reason: 'left on own request' }, user);
  }
}
