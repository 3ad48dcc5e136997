import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CARD_STAGES,
  RESPONSIBILITIES,
  type BoardFilter,
  type CardStage,
  type ChecklistItem,
  type CreateCardRequest,
  type LabRecord,
  type MoveCardRequest,
  type Responsibility,
  type SaveColumnLabelsRequest,
  type SaveStrategicGoalRequest,
  type UpdateCardRequest,
} from '@allmende/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { emptyToNull, trim } from '../../../common/transforms';

const nullable = () => ValidateIf((_: object, v: unknown) => v !== null && v !== undefined);

export class BoardFilterDto implements BoardFilter {
  @ApiPropertyOptional() @IsOptional() @IsUUID() actionField?: string;
  @ApiPropertyOptional({ enum: RESPONSIBILITIES }) @IsOptional() @IsIn(RESPONSIBILITIES as Responsibility[]) responsibility?: Responsibility;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) label?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() person?: string;
}

class ChecklistItemDto implements ChecklistItem {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(40) id!: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(500) text!: string;
  @ApiProperty() @IsBoolean() done!: boolean;
}

class LabRecordDto implements Partial<LabRecord> {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) activities?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) coordination?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) funding?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) actors?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) targetGroups?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) addedValue?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) results?: string;
}

/** The card fields both creating and editing accept. */
class CardFieldsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) description?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsUUID() actionFieldId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsUUID() strategicGoalId?: string | null;
  @ApiPropertyOptional({ enum: RESPONSIBILITIES, nullable: true }) @IsOptional() @Transform(emptyToNull) @nullable() @IsIn(RESPONSIBILITIES as Responsibility[]) responsibility?: Responsibility | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) organisationIds?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) personIds?: string[];
  @ApiPropertyOptional({ nullable: true, example: '2027-03-31' })
  @IsOptional() @Transform(emptyToNull) @nullable() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date (YYYY-MM-DD)' }) @IsISO8601({ strict: true }) dueDate?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(40, { each: true }) labels?: string[];
  @ApiPropertyOptional({ type: [ChecklistItemDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ChecklistItemDto) checklist?: ChecklistItemDto[];
  @ApiPropertyOptional({ type: LabRecordDto, nullable: true }) @IsOptional() @nullable() @IsObject() @ValidateNested() @Type(() => LabRecordDto) lab?: LabRecord | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() public?: boolean;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsUUID() decisionId?: string | null;
}

export class CreateCardDto extends CardFieldsDto implements CreateCardRequest {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @ApiPropertyOptional({ enum: CARD_STAGES }) @IsOptional() @IsIn(CARD_STAGES as CardStage[]) stage?: CardStage;
}

export class UpdateCardDto extends CardFieldsDto implements UpdateCardRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) title?: string;
  @ApiProperty({ description: 'the version the change is based on' }) @IsInt() @Min(1) version!: number;
}

export class MoveCardDto implements MoveCardRequest {
  @ApiProperty({ enum: CARD_STAGES }) @IsIn(CARD_STAGES as CardStage[]) stage!: CardStage;
  @ApiPropertyOptional({ nullable: true, description: 'id of the card above the new place' }) @IsOptional() @nullable() @IsUUID() after?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'id of the card below the new place' }) @IsOptional() @nullable() @IsUUID() before?: string | null;
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class SaveColumnLabelsDto implements SaveColumnLabelsRequest {
  @ApiProperty({ example: { lab: 'Pilot' } }) @IsObject() labels!: Partial<Record<CardStage, string | null>>;
}

export class SaveStrategicGoalDto implements SaveStrategicGoalRequest {
  @ApiProperty() @IsInt() @Min(1) @Max(50) goalNumber!: number;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(3) @MaxLength(300) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsUUID() actionFieldId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1000) position?: number;
}
