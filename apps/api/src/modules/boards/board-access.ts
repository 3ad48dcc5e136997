import type { BoardKind } from '@allmende/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { hasRole, isOffice, type AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { isGroupMember, isSignatory, signatory } from '../../common/membership-sql';

export interface BoardRow {
  id: string;
  kind: BoardKind;
  group_id: string | null;
  group_name: string | null;
  title: string;
  column_labels: Record<string, string>;
}

/**
 * What the caller may do on a board: the office edits every board, members of a
 * group edit its board; signatories and researchers read every card; everybody
 * else (outsiders, anonymous visitors) reads only the cards marked public.
 */
export interface BoardAccess {
  board: BoardRow;
  readAll: boolean;
  canEdit: boolean;
}

/** SQL columns telling whether person `$n` is a member of the board's group and a signatory. */
const accessColumns = (person: string) => `
  (${person}::uuid IS NOT NULL AND b.group_id IS NOT NULL AND ${isGroupMember('b.group_id', `${person}::uuid`)}) AS group_member,
  (${person}::uuid IS NOT NULL AND ${isSignatory(`${person}::uuid`)}) AS signatory`;

const BOARD_COLUMNS = `b.id, b.kind, b.group_id, g.name AS group_name, coalesce(g.name, b.title) AS title, b.column_labels`;

/** Signatories, researchers and the office read every card of every board. */
export const readsAllCards = (user: AuthUser | undefined, isSignatory: boolean) => isSignatory || isOffice(user) || hasRole(user, 'researcher');

/** Whether the caller reads every card (not only the public ones). */
export async function callerReadsAllCards(em: EntityManager | DataSource, user: AuthUser | undefined): Promise<boolean> {
  return readsAllCards(user, await signatory(em, user?.id));
}

function toAccess(row: BoardRow & { group_member: boolean; signatory: boolean }, user: AuthUser | undefined): BoardAccess {
  const { group_member, signatory: isSignatoryNow, ...board } = row;
  const canEdit = isOffice(user) || group_member;
  return { board, canEdit, readAll: canEdit || readsAllCards(user, isSignatoryNow) };
}

export async function boardAccess(em: EntityManager | DataSource, boardId: string, user: AuthUser | undefined): Promise<BoardAccess> {
  const [row] = await em.query(
    `SELECT ${BOARD_COLUMNS}, ${accessColumns('$2')} FROM board b LEFT JOIN working_group g ON g.id = b.group_id WHERE b.id = $1`,
    [boardId, user?.id ?? null],
  );
  if (!row) throw DomainError.notFound('Board');
  return toAccess(row, user);
}

/** All boards with the caller's access, alliance board first. */
export async function allBoardAccess(em: EntityManager | DataSource, user: AuthUser | undefined): Promise<BoardAccess[]> {
  const rows = await em.query(
    `SELECT ${BOARD_COLUMNS}, ${accessColumns('$1')} FROM board b LEFT JOIN working_group g ON g.id = b.group_id
      ORDER BY b.kind = 'alliance' DESC, coalesce(g.name, b.title)`,
    [user?.id ?? null],
  );
  return rows.map((r: BoardRow & { group_member: boolean; signatory: boolean }) => toAccess(r, user));
}

export interface CardRow {
  id: string;
  board_id: string;
  stage: string;
  rank: string;
  version: number;
  public: boolean;
  title: string;
}

/**
 * Loads a card the caller may see, with the access to its board (404 when it is not
 * there or not visible to them, so hidden cards do not leak). `lock` locks the card row.
 */
export async function cardAccess(
  em: EntityManager | DataSource,
  cardId: string,
  user: AuthUser | undefined,
  lock = false,
): Promise<{ card: CardRow; access: BoardAccess }> {
  const [row] = await em.query(
    `SELECT c.id AS card_id, c.board_id, c.stage, c.rank, c.version, c.public, c.title AS card_title, ${BOARD_COLUMNS}, ${accessColumns('$2')}
       FROM card c JOIN board b ON b.id = c.board_id LEFT JOIN working_group g ON g.id = b.group_id
      WHERE c.id = $1 AND c.deleted_at IS NULL ${lock ? 'FOR UPDATE OF c' : ''}`,
    [cardId, user?.id ?? null],
  );
  if (!row) throw DomainError.notFound('Card');
  const { card_id, board_id, stage, rank, version, public: isPublic, card_title, ...boardRow } = row;
  const access = toAccess(boardRow, user);
  if (!access.readAll && !isPublic) throw DomainError.notFound('Card');
  return { card: { id: card_id, board_id, stage, rank, version, public: isPublic, title: card_title }, access };
}

/** SQL condition: person `p` may edit the board of card `c` (the office edits every board). */
export const mayEditCard = (c: string, p: string, office: string) =>
  `(${office} OR EXISTS (SELECT 1 FROM board b WHERE b.id = ${c}.board_id AND b.group_id IS NOT NULL AND ${isGroupMember('b.group_id', p)}))`;

export function requireEdit(access: BoardAccess): void {
  if (!access.canEdit) throw DomainError.forbidden('Only members of the group (and the office) may change this board');
}
