import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DECISION_METHODS,
  MEETING_KINDS,
  MEETING_VISIBILITIES,
  PARTICIPATION_LEVELS,
  type CancelMeetingRequest,
  type CastDotsRequest,
  type DistributeSmallGroupsRequest,
  type SaveSmallGroupRequest,
  type SetSmallGroupMembersRequest,
  type CheckInRequest,
  type ClosePollRequest,
  type DecisionMethod,
  type GuestRegistrationRequest,
  type MeetingKind,
  type MeetingListQuery,
  type MeetingVisibility,
  type OpenPollRequest,
  type ParticipationLevel,
  type SaveAgendaItemRequest,
  type SaveDecisionRequest,
  type SaveMeetingRequest,
} from '@allmende/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../organisations/dto/organisation.dto';
import { trim, emptyToNull, toBool } from '../../../common/transforms';

const nullable = () => ValidateIf((_: object, v: unknown) => v !== null && v !== undefined);

export class MeetingListQueryDto extends PageQuery implements MeetingListQuery {
  @ApiPropertyOptional({ description: 'ISO date-time; meetings ending after it' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ description: 'ISO date-time; meetings starting before it' }) @IsOptional() @IsISO8601() to?: string;
  @ApiPropertyOptional({ enum: MEETING_KINDS }) @IsOptional() @IsIn(MEETING_KINDS as MeetingKind[]) kind?: MeetingKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID() group?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() mine?: boolean;
}

export class SaveMeetingDto implements SaveMeetingRequest {
  @ApiProperty({ enum: MEETING_KINDS }) @IsIn(MEETING_KINDS as MeetingKind[]) kind!: MeetingKind;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3) @MaxLength(200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @ApiProperty() @IsISO8601({ strict: true }, { message: 'must be an ISO date-time' }) startsAt!: string;
  @ApiProperty() @IsISO8601({ strict: true }, { message: 'must be an ISO date-time' }) endsAt!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsUUID() groupId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsUUID() venueOrganisationId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @nullable() @IsString() @MaxLength(300) venueAddress?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @nullable() @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) onlineUrl?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsInt() @Min(1) @Max(100_000) capacity?: number | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsISO8601({ strict: true }) registrationDeadline?: string | null;
  @ApiPropertyOptional({ enum: MEETING_VISIBILITIES }) @IsOptional() @IsIn(MEETING_VISIBILITIES as MeetingVisibility[]) visibility?: MeetingVisibility;
}

export class GuestRegistrationDto implements GuestRegistrationRequest {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(120) name!: string;
  @ApiProperty() @Transform(trim) @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(254) email!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @nullable() @IsString() @MaxLength(200) organisation?: string | null;
  @ApiProperty({ description: 'must be true' }) @Equals(true, { message: 'consent is required' }) consent!: boolean;
  @ApiPropertyOptional({ enum: ['de', 'en'] }) @IsOptional() @IsIn(['de', 'en']) locale?: 'de' | 'en';
}

export class TokenDto {
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(200) token!: string;
}

class WalkInDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(120) name!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @nullable() @IsEmail() email?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @nullable() @IsString() @MaxLength(200) organisation?: string | null;
}

export class CheckInDto implements CheckInRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(4) @MaxLength(64) code?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() registrationId?: string;
  @ApiPropertyOptional({ type: WalkInDto }) @IsOptional() @ValidateNested() @Type(() => WalkInDto) walkIn?: WalkInDto;
}

export class CheckInListQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(100) q?: string;
}

export class SaveAgendaItemDto implements SaveAgendaItemRequest {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(300) title!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @nullable() @IsString() @MaxLength(200) presenter?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsInt() @Min(1) @Max(600) durationMinutes?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(500) position?: number;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsString() @MaxLength(20_000) minutes?: string | null;
}

export class SaveDecisionDto implements SaveDecisionRequest {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsUUID() agendaItemId?: string | null;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3) @MaxLength(5000) text!: string;
  @ApiProperty({ enum: DECISION_METHODS }) @IsIn(DECISION_METHODS as DecisionMethod[]) method!: DecisionMethod;
  @ApiProperty({ enum: PARTICIPATION_LEVELS }) @IsIn(PARTICIPATION_LEVELS as ParticipationLevel[]) participationLevel!: ParticipationLevel;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(2000) outcome!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) groupIds?: string[];
}

export class OpenPollDto implements OpenPollRequest {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsUUID() agendaItemId?: string | null;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3) @MaxLength(500) question!: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(2) @ArrayMaxSize(30) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(200, { each: true }) options!: string[];
  @ApiProperty() @IsInt() @Min(1) @Max(20) dotsPerPerson!: number;
}

export class CastDotsDto implements CastDotsRequest {
  @ApiProperty({ example: { 'option-id': 2 } }) @IsObject() dots!: Record<string, number>;
}

class PollDecisionDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3) @MaxLength(5000) text!: string;
  @ApiProperty({ enum: PARTICIPATION_LEVELS }) @IsIn(PARTICIPATION_LEVELS as ParticipationLevel[]) participationLevel!: ParticipationLevel;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(2000) outcome!: string;
}

export class ClosePollDto implements ClosePollRequest {
  @ApiPropertyOptional({ type: PollDecisionDto, nullable: true }) @IsOptional() @nullable() @ValidateNested() @Type(() => PollDecisionDto) decision?: PollDecisionDto | null;
}

export class CancelMeetingDto implements CancelMeetingRequest {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @nullable() @IsString() @MaxLength(1000) reason?: string | null;
}

/** The form fields beside the file of a document upload. */
export class UploadDocumentDto {
  @ApiPropertyOptional({ description: 'Attach to this agenda item instead of the whole meeting' })
  @IsOptional() @Transform(emptyToNull) @nullable() @IsUUID() agendaItemId?: string | null;
}

export class CreateSmallGroupDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name!: string;
}

export class SaveSmallGroupDto implements SaveSmallGroupRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) note?: string;
}

export class SetSmallGroupMembersDto implements SetSmallGroupMembersRequest {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) registrationIds!: string[];
}

export class DistributeSmallGroupsDto implements DistributeSmallGroupsRequest {
  @ApiProperty() @IsInt() @Min(1) @Max(50) count!: number;
}
