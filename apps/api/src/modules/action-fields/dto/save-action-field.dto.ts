import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SaveActionFieldRequest } from '@allmende/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { trim } from '../../../common/transforms';


export class SaveActionFieldDto implements SaveActionFieldRequest {
  @ApiProperty({ example: 'fachkraefte' }) @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lower-case letters, digits and dashes' }) @MaxLength(60) slug!: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(150) nameDe!: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(150) nameEn!: string;
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(2000) descriptionDe!: string;
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(2000) descriptionEn!: string;
  @ApiProperty({ example: '#6b3a8a' }) @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour like #6b3a8a' }) color!: string;
  @ApiProperty({ example: 'school' }) @Matches(/^[a-z_]{2,40}$/, { message: 'must be an icon name like school' }) icon!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1000) position?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() archived?: boolean;
}
