import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ActionFieldDto, SaveActionFieldRequest } from '@allmende/contracts';
import { Repository } from 'typeorm';
import { DomainError } from '../../common/domain-error';
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

  /** Admins and the office add fields (such as Fachkräfte); a new field goes last unless placed. */
  async create(req: SaveActionFieldRequest): Promise<ActionFieldDto> {
    if (await this.fields.exists({ where: { slug: req.slug } })) throw DomainError.conflict(`The slug ${req.slug} is taken`, 'SLUG_TAKEN');
    const last = await this.fields.maximum('position');
    const saved = await this.fields.save(this.fields.create({ ...req, position: req.position ?? (last ?? 0) + 1, archived: req.archived ?? false }));
    return toActionFieldDto(saved);
  }

  async update(id: string, req: SaveActionFieldRequest): Promise<ActionFieldDto> {
    const field = await this.fields.findOneBy({ id });
    if (!field) throw DomainError.notFound('Action field');
    if (req.slug !== field.slug && (await this.fields.exists({ where: { slug: req.slug } }))) {
      throw DomainError.conflict(`The slug ${req.slug} is taken`, 'SLUG_TAKEN');
    }
    Object.assign(field, req, { position: req.position ?? field.position, archived: req.archived ?? field.archived });
    return toActionFieldDto(await this.fields.save(field));
  }
}
