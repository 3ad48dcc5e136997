import { ApiProperty } from '@nestjs/swagger';
import {
  MEMBERSHIP_STATUSES,
  ROLES,
  type AdminRolesRequest,
  type CharterGoal,
  type MembershipStatus,
  type MembershipTransitionRequest,
  type PublishCharterRequest,
  type Role,
} from '@allmende/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { trim } from '../../../common/transforms';


export class CharterGoalDto implements CharterGoal {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3) @MaxLength(500) de!: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3) @MaxLength(500) en!: string;
}

export class PublishCharterDto implements PublishCharterRequest {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(20) @MaxLength(10_000) missionDe!: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(20) @MaxLength(10_000) missionEn!: string;
  @ApiProperty({ type: [CharterGoalDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => CharterGoalDto)
  goals!: CharterGoalDto[];
}

export class MembershipTransitionDto implements MembershipTransitionRequest {
  @ApiProperty({ enum: MEMBERSHIP_STATUSES }) @IsIn(MEMBERSHIP_STATUSES as MembershipStatus[]) to!: MembershipStatus;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3, { message: 'give a reason of at least 3 characters' }) @MaxLength(1000) reason!: string;
}

export class AdminRolesDto implements AdminRolesRequest {
  @ApiProperty({ enum: ROLES, isArray: true }) @IsArray() @ArrayMaxSize(4) @IsIn(ROLES as Role[], { each: true }) roles!: Role[];
}

export class MembershipListQuery {
  @ApiProperty({ required: false, enum: [...MEMBERSHIP_STATUSES, 'awaiting_approval'] })
  @IsOptional() @IsIn([...MEMBERSHIP_STATUSES, 'awaiting_approval']) status?: MembershipStatus | 'awaiting_approval';
  @ApiProperty({ required: false }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) q?: string;
  @ApiProperty({ required: false }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiProperty({ required: false }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}
