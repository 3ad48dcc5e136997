import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GROUP_ROLES,
  GROUP_STATES,
  type GroupAccess,
  type GroupRole,
  type GroupState,
  type GroupTransitionRequest,
  type InviteToGroupRequest,
  type JoinGroupRequest,
  type ProposeGroupRequest,
  type SetGroupRoleRequest,
  type UpdateGroupRequest,
  type WorkingGroupListQuery,
} from '@allmende/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../../organisations/dto/organisation.dto';
import { trim, emptyToNull, toBool } from '../../../common/transforms';


export class WorkingGroupListQueryDto extends PageQuery implements WorkingGroupListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() actionField?: string;
  @ApiPropertyOptional({ enum: GROUP_STATES }) @IsOptional() @IsIn(GROUP_STATES as GroupState[]) state?: GroupState;
  @ApiPropertyOptional({ description: 'Only groups I belong to (signed in)' }) @IsOptional() @Transform(toBool) @IsBoolean() mine?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(100) q?: string;
}

export class ProposeGroupDto implements ProposeGroupRequest {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3) @MaxLength(150) name!: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(10) @MaxLength(2000) purpose!: string;
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(4000) goals!: string;
  @ApiProperty() @IsUUID() actionFieldId!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(200) meetingRhythm?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() realWorldLab?: boolean;
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) access?: GroupAccess;
}

export class UpdateGroupDto implements UpdateGroupRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(3) @MaxLength(150) name?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(10) @MaxLength(2000) purpose?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(4000) goals?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actionFieldId?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(200) meetingRhythm?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() realWorldLab?: boolean;
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) access?: GroupAccess;
}

export class GroupTransitionDto implements GroupTransitionRequest {
  @ApiProperty({ enum: GROUP_STATES }) @IsIn(GROUP_STATES as GroupState[]) to!: GroupState;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3, { message: 'give a reason of at least 3 characters' }) @MaxLength(1000) reason!: string;
  @ApiPropertyOptional({ example: '2026-11-25' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'must be a date like 2026-11-25' }) effectiveOn?: string;
}

export class JoinGroupDto implements JoinGroupRequest {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() organisationId?: string | null;
}

export class InviteToGroupDto implements InviteToGroupRequest {
  @ApiProperty() @IsUUID() personId!: string;
}

export class SetGroupRoleDto implements SetGroupRoleRequest {
  @ApiProperty({ enum: GROUP_ROLES }) @IsIn(GROUP_ROLES as GroupRole[]) role!: GroupRole;
}
