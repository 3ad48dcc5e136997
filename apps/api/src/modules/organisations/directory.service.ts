import { Injectable } from '@nestjs/common';
import type { DirectoryPersonDto, Page } from '@allmende/contracts';
import { DataSource } from 'typeorm';
import { DirectoryQueryDto } from './dto/organisation.dto';
import { likePattern } from './organisations.service';

/**
 * The member directory: only persons who consented to public listing, with their
 * confirmed organisations. One SQL statement per page, whatever its size.
 */
@Injectable()
export class DirectoryService {
  constructor(private readonly ds: DataSource) {}

  async members(query: DirectoryQueryDto): Promise<Page<DirectoryPersonDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 24;
    const params: unknown[] = [pageSize, (page - 1) * pageSize];
    const where = [
      'p.deleted_at IS NULL',
      `EXISTS (SELECT 1 FROM consent c WHERE c.person_id = p.id AND c.purpose = 'public_listing' AND c.granted)`,
      `coalesce(m.status, 'interested') <> 'left'`,
    ];
    const orgFilter: string[] = [];
    if (query.actorType) {
      params.push(query.actorType);
      orgFilter.push(`o.actor_type = $${params.length}`);
    }
    if (query.sector) {
      params.push(query.sector);
      orgFilter.push(`o.sector = $${params.length}`);
    }
    if (orgFilter.length) {
      where.push(`EXISTS (SELECT 1 FROM affiliation a JOIN organisation o ON o.id = a.organisation_id
                          WHERE a.person_id = p.id AND a.ended_at IS NULL AND a.confirmed_at IS NOT NULL AND ${orgFilter.join(' AND ')})`);
    }
    if (query.actionField) {
      params.push(query.actionField);
      where.push(`EXISTS (SELECT 1 FROM person_interest i WHERE i.person_id = p.id AND i.action_field_id = $${params.length})`);
    }
    if (query.q) {
      params.push(likePattern(query.q));
      where.push(`(p.display_name ILIKE $${params.length} OR EXISTS (
                    SELECT 1 FROM affiliation a JOIN organisation o ON o.id = a.organisation_id
                     WHERE a.person_id = p.id AND a.ended_at IS NULL AND a.confirmed_at IS NOT NULL AND o.name ILIKE $${params.length}))`);
    }
    const rows = await this.ds.query(
      `SELECT p.id, p.display_name, p.bio,
              coalesce((SELECT array_agg(i.action_field_id) FROM person_interest i WHERE i.person_id = p.id), '{}') AS interests,
              coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'actorType', o.actor_type, 'sector', o.sector, 'role', a.role) ORDER BY o.name)
                          FROM affiliation a JOIN organisation o ON o.id = a.organisation_id
                         WHERE a.person_id = p.id AND a.ended_at IS NULL AND a.confirmed_at IS NOT NULL), '[]') AS organisations,
              count(*) OVER () AS total
         FROM person p LEFT JOIN alliance_membership m ON m.person_id = p.id
        WHERE ${where.join(' AND ')}
        ORDER BY p.display_name, p.id
        LIMIT $1 OFFSET $2`,
      params,
    );
    return {
      items: rows.map((r: { id: string; display_name: string; bio: string | null; interests: string[]; organisations: DirectoryPersonDto['organisations'] }) => ({
        id: r.id,
        displayName: r.display_name,
        bio: r.bio,
        interests: r.interests,
        organisations: r.organisations,
      })),
      total: rows.length ? Number((rows[0] as { total: string }).total) : 0,
      page,
      pageSize,
    };
  }
}
