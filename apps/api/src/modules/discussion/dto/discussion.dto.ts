import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  THREAD_SUBJECT_TYPES,
  type CreateThreadRequest,
  type EditMessageRequest,
  type HideMessageRequest,
  type LockThreadRequest,
  type MessageListQuery,
  type MuteRequest,
  type PostMessageRequest,
  type ReactRequest,
  type ReportMessageRequest,
  type ThreadListQuery,
  type ThreadSubjectType,
} from '@allmende/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { emptyToNull, trim } from '../../../common/transforms';

const nullable = () => ValidateIf((_: object, v: unknown) => v !== null && v !== undefined);
export const MESSAGE_MAX_LENGTH = 10_000;

export class ThreadListQueryDto implements ThreadListQuery {
  @ApiPropertyOptional({ enum: THREAD_SUBJECT_TYPES }) @IsOptional() @IsIn(THREAD_SUBJECT_TYPES as ThreadSubjectType[]) subjectType?: ThreadSubjectType;
  @ApiPropertyOptional() @IsOptional() @IsUUID() subjectId?: string;
}

export class CreateThreadDto implements CreateThreadRequest {
  @ApiProperty({ enum: THREAD_SUBJECT_TYPES }) @IsIn(THREAD_SUBJECT_TYPES as ThreadSubjectType[]) subjectType!: ThreadSubjectType;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsUUID() subjectId?: string | null;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3) @MaxLength(200) title!: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(MESSAGE_MAX_LENGTH) body!: string;
  @ApiProperty() @IsUUID() clientId!: string;
}

export class MessageListQueryDto implements MessageListQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0) after?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
  @ApiPropertyOptional({ maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class PostMessageDto implements PostMessageRequest {
  @ApiProperty({ description: 'uuid chosen by the client; a retry with the same id is stored once' }) @IsUUID() clientId!: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(MESSAGE_MAX_LENGTH) body!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsInt() @Min(1) parentId?: number | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(5) @IsUUID('all', { each: true }) attachmentIds?: string[];
}

/** The socket's `thread:post` payload: a post plus its thread. */
export class SocketPostDto extends PostMessageDto {
  @IsUUID() threadId!: string;
}

export class EditMessageDto implements EditMessageRequest {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(MESSAGE_MAX_LENGTH) body!: string;
}

export class ReactDto implements ReactRequest {
  @ApiProperty() @IsString() @MaxLength(16) emoji!: string;
}

export class MarkThreadReadDto {
  @ApiProperty() @IsInt() @Min(0) lastReadId!: number;
}

export class ReportMessageDto implements ReportMessageRequest {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3) @MaxLength(1000) reason!: string;
}

export class HideMessageDto implements HideMessageRequest {
  @ApiProperty() @IsBoolean() hidden!: boolean;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @nullable() @IsString() @MaxLength(1000) reason?: string | null;
}

export class LockThreadDto implements LockThreadRequest {
  @ApiProperty() @IsBoolean() locked!: boolean;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Transform(emptyToNull) @nullable() @IsString() @MaxLength(1000) reason?: string | null;
}

export class MuteDto implements MuteRequest {
  @ApiProperty() @IsUUID() personId!: string;
  @ApiProperty() @IsISO8601({ strict: true }) until!: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3) @MaxLength(1000) reason!: string;
}

export class MentionQueryDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(100) q?: string;
}
