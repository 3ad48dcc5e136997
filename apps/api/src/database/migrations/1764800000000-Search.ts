import { MigrationInterface, QueryRunner } from 'typeorm';
import { searchVector, SEARCH_DOCUMENTS, type SearchTable } from '../../modules/search/search-documents';

/**
 * Full-text search with the German configuration (stemming: "Handwerksbetriebe" finds
 * "Handwerksbetrieb"): a GIN index per searched table over the document the search uses.
 */
export class Search1764800000000 implements MigrationInterface {
  name = 'Search1764800000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of Object.keys(SEARCH_DOCUMENTS) as SearchTable[]) {
      await q.query(`CREATE INDEX ix_search_${table} ON ${table} USING gin (${searchVector(table, '')})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of Object.keys(SEARCH_DOCUMENTS)) await q.query(`DROP INDEX ix_search_${table}`);
  }
}
