import { Injectable } from '@nestjs/common';
import { SEARCH_KINDS, type SearchGroup, type SearchHit, type SearchKind, type SearchResult } from '@allmende/contracts';
import { DataSource } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { canReadThread } from '../discussion/thread-access';
import { callerReadsAllCards } from '../boards/board-access';
import { visibleTo } from '../meetings/meeting-access';

import { searchVector as vector, SEARCH_DOCUMENTS as DOC } from './search-documents';

/** Marks for ts_headline that cannot occur in text; the fragment is escaped, then they become <mark>. */
const START = '\u0001';
const STOP = '\u0002';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const snippet = (headline: string) => escapeHtml(headline).split(START).join('<mark>').split(STOP).join('</mark>');

interface KindQuery {
  /** SQL returning id, title, doc, link, rank; $1 the query text, $2 the viewer (or null), $5 the prefix query. */
  sql: (readAll: boolean, office: boolean) => string;
}

const Q = `(websearch_to_tsquery('german', $1) || to_tsquery('german', $5))`;

const KINDS: Record<SearchKind, KindQuery> = {
  group: {
    sql: () => `SELECT g.id::text, g.name AS title, ${DOC.working_group('g.')} AS doc, '/groups/' || g.id AS link,
                       ts_rank(${vector('working_group', 'g.')}, ${Q}) AS rank
                  FROM working_group g WHERE ${vector('working_group', 'g.')} @@ ${Q}`,
  },
  meeting: {
    sql: (_, office) => `SELECT m.id::text, m.title, ${DOC.meeting('m.')} AS doc, '/meetings/' || m.id AS link,
                       ts_rank(${vector('meeting', 'm.')}, ${Q}) AS rank
                  FROM meeting m WHERE ${vector('meeting', 'm.')} @@ ${Q} AND ${visibleTo('$2', office)}`,
  },
  card: {
    sql: (readAll) => `SELECT c.id::text, c.title, ${DOC.card('c.')} AS doc, '/boards/' || c.board_id || '?card=' || c.id AS link,
                       ts_rank(${vector('card', 'c.')}, ${Q}) AS rank
                  FROM card c WHERE ${vector('card', 'c.')} @@ ${Q} AND c.deleted_at IS NULL ${readAll ? '' : 'AND c.public'}`,
  },
  discussion: {
    // messages of threads the person may read (never deleted or hidden ones)
    sql: (_, office) => `SELECT m.id::text, t.title, ${DOC.message('m.')} AS doc, '/threads/' || t.id || '?message=' || m.id AS link,
                       ts_rank(${vector('message', 'm.')}, ${Q}) AS rank
                  FROM message m JOIN thread t ON t.id = m.thread_id
                 WHERE ${vector('message', 'm.')} @@ ${Q} AND m.deleted_at IS NULL AND m.hidden_at IS NULL
                   AND $2::uuid IS NOT NULL AND ${office ? 'true' : canReadThread('$2::uuid')}`,
  },
  organisation: {
    sql: () => `SELECT o.id::text, o.name AS title, ${DOC.organisation('o.')} AS doc, '/organisations/' || o.id AS link,
                       ts_rank(${vector('organisation', 'o.')}, ${Q}) AS rank
                  FROM organisation o WHERE ${vector('organisation', 'o.')} @@ ${Q}`,
  },
  person: {
    // only persons who agreed to be listed
    sql: () => `SELECT p.id::text, p.display_name AS title, ${DOC.person('p.')} AS doc, '/members?q=' || p.display_name AS link,
                       ts_rank(${vector('person', 'p.')}, ${Q}) AS rank
                  FROM person p WHERE ${vector('person', 'p.')} @@ ${Q} AND p.deleted_at IS NULL
                   AND EXISTS (SELECT 1 FROM consent c WHERE c.person_id = p.id AND c.purpose = 'public_listing' AND c.granted)`,
  },
};

/** Every word as a prefix too, so "Handw" finds "Handwerk" while typing. */
export function prefixQuery(q: string): string {
  return q
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w.length >= 3)
    .map((w) => `${w}:*`)
    .join(' & ');
}

/**
 * Search across groups, meetings, board cards, discussions, organisations and listed
 * persons with PostgreSQL's German full-text search; each kind applies the same
 * visibility rules as its own pages.
 */
@Injectable()
export class SearchService {
  constructor(private readonly ds: DataSource) {}

  async search(q: string, kind: SearchKind | undefined, page: number, pageSize: number, user: AuthUser | undefined): Promise<SearchResult> {
    const office = isOffice(user);
    const readAll = await callerReadsAllCards(this.ds, user);
    const kinds = kind ? [kind] : SEARCH_KINDS.filter((k) => k !== 'discussion' || user);
    const limit = kind ? pageSize : 5;
    const offset = kind ? (page - 1) * pageSize : 0;
    const groups: SearchGroup[] = [];
    for (const k of kinds) {
      const sql = KINDS[k].sql(readAll, office);
      const rows: { id: string; title: string; link: string; headline: string; total: string }[] = await this.ds.query(
        `SELECT x.id, x.title, x.link, ts_headline('german', x.doc, ${Q}, $6) AS headline, x.total
           FROM (SELECT s.*, count(*) OVER () AS total FROM (${sql}) s ORDER BY s.rank DESC, s.title LIMIT $3 OFFSET $4) x
          WHERE ($2::uuid IS NULL OR true) -- every kind gets the same parameters
          ORDER BY x.rank DESC, x.title`,
        [q, user?.id ?? null, limit, offset, prefixQuery(q), HEADLINE_OPTIONS],
      );
      if (!rows.length) continue;
      groups.push({
        kind: k,
        total: Number(rows[0].total),
        items: rows.map((r): SearchHit => ({ id: r.id, kind: k, title: r.title, snippetHtml: snippet(r.headline), link: r.link })),
      });
    }
    return { q, groups, page, pageSize: limit };
  }
}
