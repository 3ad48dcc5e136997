import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONSENT_PURPOSES,
  type ConsentPurpose,
  type DeleteAccountRequest,
  type Locale,
  type SignCharterRequest,
  type UpdateConsentRequest,
  type UpdateProfileRequest,
} from '@allmende/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { trim, emptyToNull } from '../../../common/transforms';


export class UpdateProfileDto implements UpdateProfileRequest {
  // optional, but never null: a person without a name is a deleted account
  @ApiPropertyOptional() @ValidateIf((_, v) => v !== undefined) @Transform(trim) @IsString() @MinLength(2) @MaxLength(120) displayName?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @ValidateIf((_, v) => v !== null)
  @Matches(/^\+?[0-9 ()/-]{5,30}$/, { message: 'must be a phone number' }) phone?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(1000) bio?: string | null;
  @ApiPropertyOptional({ enum: ['de', 'en'] }) @ValidateIf((_, v) => v !== undefined) @IsIn(['de', 'en']) locale?: Locale;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) interests?: string[];
}

export class UpdateConsentDto implements UpdateConsentRequest {
  @ApiProperty({ enum: CONSENT_PURPOSES }) @IsIn(CONSENT_PURPOSES as ConsentPurpose[]) purpose!: ConsentPurpose;
  @ApiProperty() @IsBoolean() granted!: boolean;
}

export class DeleteAccountDto implements DeleteAccountRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

export class SignCharterDto implements SignCharterRequest {
  @ApiProperty() @IsInt() @Min(1) version!: number;
}
