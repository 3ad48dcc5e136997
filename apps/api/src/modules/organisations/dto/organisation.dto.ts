import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTOR_TYPES,
  AFFILIATION_ROLES,
  SECTORS,
  type ActorType,
  type AffiliationRole,
  type DirectoryQuery,
  type JoinOrganisationRequest,
  type SaveOrganisationRequest,
  type Sector,
} from '@allmende/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { trim, emptyToNull } from '../../../common/transforms';


export class SaveOrganisationDto implements SaveOrganisationRequest {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @ApiProperty({ enum: ACTOR_TYPES }) @IsIn(ACTOR_TYPES as ActorType[]) actorType!: ActorType;
  @ApiPropertyOptional({ enum: SECTORS, nullable: true, description: 'Only for businesses' })
  @IsOptional() @Transform(emptyToNull) @ValidateIf((_, v) => v !== null) @IsIn(SECTORS as Sector[]) sector?: Sector | null;
  @ApiPropertyOptional({ nullable: true, description: 'WZ 2008 code, e.g. 43.22 or 43.22.0' })
  @IsOptional() @Transform(emptyToNull) @ValidateIf((_, v) => v !== null) @Matches(/^\d{2}(\.\d{1,2}(\.\d)?)?$/, { message: 'must be a WZ 2008 code like 43.22' })
  wzCode?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(100) district?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @ValidateIf((_, v) => v !== null)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) address' }) @MaxLength(300) website?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(2000) description?: string | null;
}

export class JoinOrganisationDto implements JoinOrganisationRequest {
  @ApiProperty({ enum: AFFILIATION_ROLES }) @IsIn(AFFILIATION_ROLES as AffiliationRole[]) role!: AffiliationRole;
}

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class OrganisationListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: ACTOR_TYPES }) @IsOptional() @IsIn(ACTOR_TYPES as ActorType[]) actorType?: ActorType;
  @ApiPropertyOptional({ enum: SECTORS }) @IsOptional() @IsIn(SECTORS as Sector[]) sector?: Sector;
}

export class DirectoryQueryDto extends OrganisationListQuery implements DirectoryQuery {
  @ApiPropertyOptional({ description: 'Action field id of interest' }) @IsOptional() @IsUUID() actionField?: string;
}
