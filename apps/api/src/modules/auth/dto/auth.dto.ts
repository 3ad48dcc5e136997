import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ChangePasswordRequest,
  ForgotPasswordRequest,
  Locale,
  LoginRequest,
  RegisterRequest,
  ResetPasswordRequest,
  VerifyEmailRequest,
} from '@allmende/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../../common/transforms';


export const PASSWORD_MIN = 10;
const passwordLength = { message: `must be at least ${PASSWORD_MIN} characters` };

export class RegisterDto implements RegisterRequest {
  @ApiProperty() @Transform(trim) @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(254) email!: string;
  @ApiProperty({ minLength: PASSWORD_MIN }) @IsString() @MinLength(PASSWORD_MIN, passwordLength) @MaxLength(200) password!: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(120) displayName!: string;
  @ApiPropertyOptional({ enum: ['de', 'en'] }) @IsOptional() @IsIn(['de', 'en']) locale?: Locale;
}

export class LoginDto implements LoginRequest {
  @ApiProperty() @Transform(trim) @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

export class VerifyEmailDto implements VerifyEmailRequest {
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(200) token!: string;
}

export class ForgotPasswordDto implements ForgotPasswordRequest {
  @ApiProperty() @Transform(trim) @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(254) email!: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(200) token!: string;
  @ApiProperty({ minLength: PASSWORD_MIN }) @IsString() @MinLength(PASSWORD_MIN, passwordLength) @MaxLength(200) password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) currentPassword!: string;
  @ApiProperty({ minLength: PASSWORD_MIN }) @IsString() @MinLength(PASSWORD_MIN, passwordLength) @MaxLength(200) newPassword!: string;
}
