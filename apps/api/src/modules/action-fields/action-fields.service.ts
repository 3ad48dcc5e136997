import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ActionFieldDto } from '@allmende/contracts';
import { Repository } from 'typeorm';
import { ActionField } from './entities/action-field.entity';

export function toActionFieldDto(f: ActionField): ActionFieldDto {
  return {
    id: f.id,
    slug: f.slug,
    nameDe: f.nameDe,
    nameEn: f.nameEn,
    descriptionDe: f.descriptionDe,
    descriptionEn: f.descriptionEn,
    color: f.color,
    icon: f.icon,
    position: f.position,
    archived: f.archived,
  };
}

@Injectable()
export class ActionFieldsService {
  constructor(@InjectRepository(ActionField) private readonly fields: Repository<ActionField>) {}

  async list(includeArchived: boolean): Promise<ActionFieldDto[]> {
    const rows = await this.fields.find({
      where: includeArchived ? {} : { archived: false },
      order: { position: 'ASC', nameDe: 'ASC' },
    });
    return rows.map(toActionFieldDto);
  }
}
