import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { toBool } from '../../../common/transforms';

export class ListActionFieldsQuery {
  @ApiPropertyOptional({ description: 'Also list archived fields' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  includeArchived?: boolean;
}
