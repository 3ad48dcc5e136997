import { Injectable } from '@nestjs/common';
import { CARD_STAGES, type BoardDto, type BoardFilter, type BoardSummaryDto, type CardStage } from '@allmende/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { allBoardAccess, boardAccess, requireEdit, type BoardAccess } from './board-access';
import { CARD_SUMMARY_COLUMNS, toBoardCard, type CardSummaryRow } from './card-view';

const zeroCounts = () => Object.fromEntries(CARD_STAGES.map((s) => [s, 0])) as Record<CardStage, number>;

/** Boards: the alliance's Zukunftsplan and one per working group. */
@Injectable()
export class BoardsService {
  constructor(private readonly ds: DataSource) {}

  /** Every board with the number of cards per stage the caller can see. */
  async list(user: AuthUser | undefined): Promise<BoardSummaryDto[]> {
    const boards = await allBoardAccess(this.ds, user);
    const readAll = boards.filter((b) => b.readAll).map((b) => b.board.id);
    const counts: { board_id: string; stage: CardStage; n: string }[] = await this.ds.query(
      `SELECT board_id, stage, count(*) AS n FROM card WHERE deleted_at IS NULL AND (public OR board_id = ANY($1::uuid[])) GROUP BY board_id, stage`,
      [readAll],
    );
    return boards.map(({ board, canEdit }) => {
      const c = zeroCounts();
      for (const row of counts.filter((r) => r.board_id === board.id)) c[row.stage] = Number(row.n);
      return { id: board.id, kind: board.kind, title: board.title, groupId: board.group_id, groupName: board.group_name, counts: c, canEdit };
    });
  }

  async get(boardId: string, filter: BoardFilter, user: AuthUser | undefined): Promise<BoardDto> {
    const access = await boardAccess(this.ds, boardId, user);
    return this.view(access, filter);
  }

  private async view({ board, readAll, canEdit }: BoardAccess, filter: BoardFilter): Promise<BoardDto> {
    const params: unknown[] = [board.id];
    const where = ['c.board_id = $1', 'c.deleted_at IS NULL'];
    const add = (value: unknown, sql: (p: string) => string) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (!readAll) where.push('c.public');
    if (filter.actionField) add(filter.actionField, (p) => `c.action_field_id = ${p}::uuid`);
    if (filter.responsibility) add(filter.responsibility, (p) => `c.responsibility = ${p}`);
    if (filter.label) add(filter.label, (p) => `${p} = ANY(c.labels)`);
    if (filter.person) add(filter.person, (p) => `EXISTS (SELECT 1 FROM card_person cp WHERE cp.card_id = c.id AND cp.person_id = ${p}::uuid)`);
    const rows: CardSummaryRow[] = await this.ds.query(`SELECT ${CARD_SUMMARY_COLUMNS} FROM card c WHERE ${where.join(' AND ')} ORDER BY c.rank`, params);
    const [{ labels }] = await this.ds.query(
      `SELECT coalesce(array_agg(DISTINCT l ORDER BY l), '{}') AS labels FROM card c, unnest(c.labels) l
        WHERE c.board_id = $1 AND c.deleted_at IS NULL AND ($2 OR c.public)`,
      [board.id, readAll],
    );
    const cards = rows.map((r) => toBoardCard(r, readAll));
    return {
      id: board.id,
      kind: board.kind,
      title: board.title,
      groupId: board.group_id,
      groupName: board.group_name,
      columns: CARD_STAGES.map((stage) => ({ stage, label: board.column_labels[stage] ?? null, cards: cards.filter((c) => c.stage === stage) })),
      labels,
      permissions: { canEdit },
    };
  }

  /** Relabels columns; the stages themselves stay, so reports can count them. */
  async saveColumnLabels(boardId: string, labels: Partial<Record<CardStage, string | null>>, user: AuthUser): Promise<BoardDto> {
    const access = await this.ds.transaction(async (em) => {
      const access = await boardAccess(em, boardId, user);
      requireEdit(access);
      const next = { ...access.board.column_labels };
      for (const stage of CARD_STAGES) {
        if (!(stage in labels)) continue;
        const raw = labels[stage];
        if (raw !== null && raw !== undefined && (typeof raw !== 'string' || raw.length > 60)) {
          throw DomainError.badRequest(`The label for ${stage} must be text of at most 60 characters`, 'VALIDATION_FAILED');
        }
        const label = raw?.trim();
        if (label) next[stage] = label;
        else delete next[stage];
      }
      await em.query(`UPDATE board SET column_labels = $2 WHERE id = $1`, [boardId, JSON.stringify(next)]);
      return { ...access, board: { ...access.board, column_labels: next } };
    });
    return this.view(access, {});
  }
}

