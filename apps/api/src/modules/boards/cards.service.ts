import { Injectable } from '@nestjs/common';
import {
  LAB_FIELDS,
  type BoardCardDto,
  type CardAttachmentDto,
  type CardDto,
  type CardEventDto,
  type CreateCardRequest,
  type LabRecord,
  type MoveCardRequest,
  type UpdateCardRequest,
} from '@allmende/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { checkUpload, type UploadedDocument } from '../../common/uploads';
import { participationInsert, recordParticipation, type ParticipationKind } from '../participation/participation';
import { BoardChanges } from './board-changes';
import { boardAccess, cardAccess, mayEditCard, requireEdit, type BoardAccess, type CardRow } from './board-access';
import { CARD_SUMMARY_COLUMNS, loadBoardCard, loadCard, toBoardCard, type CardSummaryRow } from './card-view';
import { keyBetween } from './fractional-key';

export const CardErrors = {
  VersionConflict: 'CARD_VERSION_CONFLICT',
  UnknownReference: 'UNKNOWN_REFERENCE',
} as const;

/**
 * A key between two neighbours plus one random digit: two people dropping cards into
 * the same gap at the same moment almost never compute the same key (the digit keeps
 * the order, see fractional-key.ts); when they do, the unique index refuses one and it is retried.
 */
const rankBetween = (lower: string | null, upper: string | null) => keyBetween(lower, upper) + jitter();
const jitter = () => '123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 61)];

/** Card `x` is another live card in the target column ($3) of card `c`'s board. */
const inTargetColumn = (x: string) => `${x}.board_id = c.board_id AND ${x}.stage = $3 AND ${x}.deleted_at IS NULL AND ${x}.id <> c.id`;

/**
 * The neighbours of a move's target place ($3 stage, $4 after, $5 before) as columns
 * of a query on card `c`; written so that each is one primary-key or rank-index probe.
 */
const NEIGHBOUR_COLUMNS = `
  (SELECT CASE WHEN ${inTargetColumn('x')} THEN x.rank END FROM card x WHERE x.id = $4::uuid) AS after_rank,
  (SELECT CASE WHEN ${inTargetColumn('x')} THEN x.rank END FROM card x WHERE x.id = $5::uuid) AS before_rank,
  (SELECT x.rank FROM card x WHERE ${inTargetColumn('x')} AND x.rank > (SELECT y.rank FROM card y WHERE y.id = $4::uuid) ORDER BY x.rank LIMIT 1) AS next_after,
  (SELECT x.rank FROM card x WHERE ${inTargetColumn('x')} AND x.rank < (SELECT y.rank FROM card y WHERE y.id = $5::uuid) ORDER BY x.rank DESC LIMIT 1) AS prev_before,
  (SELECT x.rank FROM card x WHERE ${inTargetColumn('x')} ORDER BY x.rank DESC LIMIT 1) AS last`;

/**
 * A move in one statement: $1 card, $2 person, $3 stage, $4 after, $5 before,
 * $6 version, $7 whether the caller is the office, $8 the jitter digit.
 */
const MOVE_CARD = `
  WITH target AS (
    SELECT c.id, c.stage AS from_stage, ${NEIGHBOUR_COLUMNS}
      FROM card c
     WHERE c.id = $1 AND c.deleted_at IS NULL AND c.version = $6 AND ${mayEditCard('c', '$2::uuid', '$7::boolean')}),
  moved AS (
    UPDATE card c
       SET stage = $3,
           rank = rank_between(CASE WHEN t.after_rank IS NOT NULL THEN t.after_rank WHEN t.before_rank IS NOT NULL THEN t.prev_before ELSE t.last END,
                               CASE WHEN t.after_rank IS NOT NULL THEN t.next_after WHEN t.before_rank IS NOT NULL THEN t.before_rank END) || $8::text,
           version = c.version + 1, updated_at = now()
      FROM target t
     WHERE c.id = t.id AND c.version = $6
    RETURNING c.*, t.from_stage),
  history AS (
    INSERT INTO card_event (card_id, person_id, kind, data) SELECT id, $2, 'moved', jsonb_build_object('from', from_stage, 'to', stage) FROM moved),
  participation AS (${participationInsert(
    { person: '$2::uuid', kind: `'card_moved'`, subjectType: `'card'`, subjectId: 'moved.id', data: `jsonb_build_object('boardId', moved.board_id, 'from', moved.from_stage, 'to', moved.stage)` },
    'moved',
  )})
  SELECT ${CARD_SUMMARY_COLUMNS} FROM moved c`;

/** Tries again when a concurrent write took the same place in the column (unique rank). */
async function retryOnRankClash<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const clash = err instanceof QueryFailedError && (err.driverError as { constraint?: string })?.constraint === 'uq_card_rank';
      if (!clash || attempt >= 5) throw err;
    }
  }
}

const fullLab = (lab: Partial<LabRecord>): LabRecord =>
  Object.fromEntries(LAB_FIELDS.map((f) => [f, (lab[f] ?? '').trim()])) as unknown as LabRecord;

/** Request fields and the card columns they write. */
const SIMPLE_FIELDS: [keyof UpdateCardRequest, string, (v: unknown) => unknown][] = [
  ['title', 'title', (v) => v],
  ['description', 'description', (v) => v ?? ''],
  ['actionFieldId', 'action_field_id', (v) => v ?? null],
  ['strategicGoalId', 'strategic_goal_id', (v) => v ?? null],
  ['responsibility', 'responsibility', (v) => v ?? null],
  ['dueDate', 'due_date', (v) => v ?? null],
  ['labels', 'labels', (v) => [...new Set((v as string[] | undefined) ?? [])]],
  ['checklist', 'checklist', (v) => JSON.stringify(v ?? [])],
  ['lab', 'lab', (v) => (v ? JSON.stringify(fullLab(v as Partial<LabRecord>)) : null)],
  ['public', 'public', (v) => !!v],
  ['decisionId', 'decision_id', (v) => v ?? null],
];

/**
 * Cards: creating, editing (optimistic, by version), moving by fractional keys,
 * history and attachments. Every change writes its history entry and participation
 * event in the same transaction, and reaches the board's room after commit.
 */
@Injectable()
export class CardsService {
  constructor(
    private readonly ds: DataSource,
    private readonly changes: BoardChanges,
  ) {}

  async get(cardId: string, user: AuthUser | undefined): Promise<CardDto> {
    const { access } = await cardAccess(this.ds, cardId, user);
    return loadCard(this.ds, cardId, access.readAll, access.canEdit);
  }

  /** One statement checks every reference of the request; a wrong one is a 400, not a foreign-key 409. */
  private async checkReferences(em: EntityManager, req: Partial<CreateCardRequest>): Promise<void> {
    const [r] = await em.query(
      `SELECT ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM action_field WHERE id = $1)) AS field,
              ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM strategic_goal WHERE id = $2)) AS goal,
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM decision WHERE id = $3)) AS decision,
              (SELECT count(*) FROM organisation WHERE id = ANY($4::uuid[])) AS organisations,
              (SELECT count(*) FROM person WHERE id = ANY($5::uuid[]) AND deleted_at IS NULL) AS persons`,
      [req.actionFieldId ?? null, req.strategicGoalId ?? null, req.decisionId ?? null, req.organisationIds ?? [], req.personIds ?? []],
    );
    const wrong = [
      !r.field && 'actionFieldId',
      !r.goal && 'strategicGoalId',
      !r.decision && 'decisionId',
      Number(r.organisations) !== new Set(req.organisationIds ?? []).size && 'organisationIds',
      Number(r.persons) !== new Set(req.personIds ?? []).size && 'personIds',
    ].filter(Boolean);
    if (wrong.length) throw DomainError.badRequest(`Unknown reference: ${wrong.join(', ')}`, CardErrors.UnknownReference);
  }

  /** The card's history entry and the person's participation event, in one statement. */
  private async recordChange(
    em: EntityManager,
    user: AuthUser,
    card: { id: string; board_id: string },
    history: CardEventDto['kind'],
    participation: ParticipationKind,
    data: Record<string, unknown>,
  ) {
    await recordParticipation(
      em,
      { personId: user.id, kind: participation, subjectType: 'card', subjectId: card.id, data: { boardId: card.board_id, ...data } },
      { sql: `INSERT INTO card_event (card_id, person_id, kind, data) VALUES ($6, $7, $8, $9)`, params: [card.id, user.id, history, JSON.stringify(data)] },
    );
  }

  private async writeHistory(em: EntityManager, cardId: string, user: AuthUser, kind: CardEventDto['kind'], data: Record<string, unknown>) {
    await em.query(`INSERT INTO card_event (card_id, person_id, kind, data) VALUES ($1,$2,$3,$4)`, [cardId, user.id, kind, JSON.stringify(data)]);
  }

  /** Replaces the card's organisations and persons; a person newly made responsible takes part. */
  private async setPeople(em: EntityManager, cardId: string, boardId: string, req: Partial<CreateCardRequest>, user: AuthUser): Promise<void> {
    if (req.organisationIds) {
      await em.query(`DELETE FROM card_organisation WHERE card_id = $1`, [cardId]);
      await em.query(`INSERT INTO card_organisation (card_id, organisation_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [cardId, req.organisationIds]);
    }
    if (req.personIds) {
      await em.query(`DELETE FROM card_person WHERE card_id = $1 AND NOT (person_id = ANY($2::uuid[]))`, [cardId, req.personIds]);
      const added: { person_id: string }[] = await em.query(
        `INSERT INTO card_person (card_id, person_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING person_id`,
        [cardId, req.personIds],
      );
      for (const a of added) {
        await recordParticipation(em, {
          personId: a.person_id,
          kind: 'responsibility_taken',
          subjectType: 'card',
          subjectId: cardId,
          data: { boardId, assignedBy: user.id },
        });
      }
    }
  }

  async create(boardId: string, req: CreateCardRequest, user: AuthUser): Promise<CardDto> {
    const stage = req.stage ?? 'idea';
    const { card, access } = await retryOnRankClash(() =>
      this.ds.transaction(async (em) => {
        const access = await boardAccess(em, boardId, user);
        requireEdit(access);
        await this.checkReferences(em, req);
        const [lastCard] = await em.query(`SELECT rank FROM card WHERE board_id = $1 AND stage = $2 AND deleted_at IS NULL ORDER BY rank DESC LIMIT 1`, [boardId, stage]);
        const [row] = await em.query(
          `INSERT INTO card (board_id, stage, rank, title, description, action_field_id, strategic_goal_id, responsibility, due_date, labels,
                             checklist, lab, public, decision_id, created_by)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING id, board_id`,
          [
            boardId, stage, rankBetween(lastCard?.rank ?? null, null), req.title, req.description ?? '', req.actionFieldId ?? null, req.strategicGoalId ?? null,
            req.responsibility ?? null, req.dueDate ?? null, [...new Set(req.labels ?? [])], JSON.stringify(req.checklist ?? []),
            req.lab ? JSON.stringify(fullLab(req.lab)) : null, req.public ?? false, req.decisionId ?? null, user.id,
          ],
        );
        await this.setPeople(em, row.id, boardId, req, user);
        await this.recordChange(em, user, row, 'created', 'card_created', { stage });
        return { card: await loadCard(em, row.id, true, true), access };
      }),
    );
    this.changes.changed(stripForBoard(card));
    return { ...card, permissions: { canEdit: access.canEdit } };
  }

  /** The 409 for a stale version carries the card as it is now, so the client can reconcile. */
  private async conflict(em: EntityManager | DataSource, card: CardRow, access: BoardAccess): Promise<DomainError> {
    const current = await loadCard(em, card.id, access.readAll, access.canEdit);
    return new DomainError(CardErrors.VersionConflict, 409, `The card changed meanwhile (now version ${current.version})`, undefined, { current });
  }

  async update(cardId: string, req: UpdateCardRequest, user: AuthUser): Promise<CardDto> {
    const result = await this.ds.transaction(async (em) => {
      const { card, access } = await cardAccess(em, cardId, user, true);
      requireEdit(access);
      if (card.version !== req.version) throw await this.conflict(em, card, access);
      await this.checkReferences(em, req);
      const sets: string[] = [];
      const params: unknown[] = [cardId];
      const fields: string[] = [];
      for (const [key, column, value] of SIMPLE_FIELDS) {
        if (req[key] === undefined) continue;
        params.push(value(req[key]));
        sets.push(`${column} = $${params.length}`);
        fields.push(key);
      }
      if (req.organisationIds) fields.push('organisationIds');
      if (req.personIds) fields.push('personIds');
      await em.query(`UPDATE card SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
      await this.setPeople(em, cardId, card.board_id, req, user);
      await this.recordChange(em, user, card, 'edited', 'card_edited', { fields });
      return { card: await loadCard(em, cardId, access.readAll, access.canEdit), readAll: access.readAll };
    });
    this.changes.changed(stripForBoard(result.card));
    return result.card;
  }

  /**
   * Moves the card into `stage`, after `after` (or before `before`), or to the end:
   * a new fractional key between its neighbours, so only this card's row changes.
   * A neighbour that is no longer in that column counts as "at the end".
   *
   * One statement, no explicit transaction (moves are the hot path, see ADR 7): it finds
   * the neighbours, computes the key (rank_between, the database's twin of keyBetween),
   * writes the card only if its version and the caller's right to edit hold, adds the
   * history entry and participation event, and answers the card as the board shows it.
   * Nothing written means something did not hold, and the checks then say what.
   */
  async move(cardId: string, req: MoveCardRequest, user: AuthUser): Promise<BoardCardDto> {
    const card = await retryOnRankClash(async () => {
      const [row]: CardSummaryRow[] = await this.ds.query(MOVE_CARD, [
        cardId, user.id, req.stage, req.after ?? null, req.before ?? null, req.version, isOffice(user), jitter(),
      ]);
      // who may move a card reads the whole board
      if (row) return toBoardCard(row, true);
      const { card, access } = await cardAccess(this.ds, cardId, user);
      requireEdit(access);
      throw await this.conflict(this.ds, card, access);
    });
    this.changes.changed(card);
    return card;
  }

  async remove(cardId: string, user: AuthUser): Promise<void> {
    const card = await this.ds.transaction(async (em) => {
      const { card, access } = await cardAccess(em, cardId, user, true);
      requireEdit(access);
      await em.query(`UPDATE card SET deleted_at = now(), version = version + 1 WHERE id = $1`, [cardId]);
      await this.writeHistory(em, cardId, user, 'deleted', { title: card.title });
      return card;
    });
    this.changes.removed(card.board_id, cardId);
  }

  /** The card's history, newest first: for readers of the whole board. */
  async history(cardId: string, user: AuthUser | undefined): Promise<CardEventDto[]> {
    const { access } = await cardAccess(this.ds, cardId, user);
    if (!access.readAll) throw DomainError.forbidden('The history is for members of the alliance');
    const rows = await this.ds.query(
      `SELECT e.id, e.kind, e.data, e.at, p.id AS person_id, p.display_name
         FROM card_event e LEFT JOIN person p ON p.id = e.person_id AND p.deleted_at IS NULL
        WHERE e.card_id = $1 ORDER BY e.id DESC LIMIT 500`,
      [cardId],
    );
    return rows.map((r: { id: string; kind: CardEventDto['kind']; data: Record<string, unknown>; at: Date; person_id: string | null; display_name: string | null }) => ({
      id: String(r.id),
      kind: r.kind,
      person: r.person_id ? { id: r.person_id, name: r.display_name ?? '' } : null,
      at: new Date(r.at).toISOString(),
      data: r.data,
    }));
  }

  async addAttachment(cardId: string, file: UploadedDocument | undefined, user: AuthUser): Promise<CardAttachmentDto> {
    const { filename, contentType, content } = checkUpload(file);
    const { attachment, card } = await this.ds.transaction(async (em) => {
      const { card, access } = await cardAccess(em, cardId, user, true);
      requireEdit(access);
      const [a] = await em.query(
        `INSERT INTO card_attachment (card_id, filename, content_type, size_bytes, content, uploaded_by) VALUES ($1,$2,$3,$4,$5,$6)
         RETURNING id, filename, content_type, size_bytes, uploaded_at`,
        [cardId, filename, contentType, content.length, content, user.id],
      );
      await em.query(`UPDATE card SET version = version + 1, updated_at = now() WHERE id = $1`, [cardId]);
      await this.recordChange(em, user, card, 'attachment_added', 'card_edited', { filename, fields: ['attachments'] });
      return { attachment: a, card: await loadBoardCard(em, cardId, access.readAll) };
    });
    this.changes.changed(card);
    return { id: attachment.id, filename: attachment.filename, contentType: attachment.content_type, sizeBytes: attachment.size_bytes, uploadedAt: new Date(attachment.uploaded_at).toISOString() };
  }

  async attachment(cardId: string, attachmentId: string, user: AuthUser | undefined): Promise<{ filename: string; contentType: string; content: Buffer }> {
    await cardAccess(this.ds, cardId, user);
    const [a] = await this.ds.query(`SELECT filename, content_type, content FROM card_attachment WHERE id = $1 AND card_id = $2`, [attachmentId, cardId]);
    if (!a) throw DomainError.notFound('Attachment');
    return { filename: a.filename, contentType: a.content_type, content: a.content };
  }

  async removeAttachment(cardId: string, attachmentId: string, user: AuthUser): Promise<void> {
    const card = await this.ds.transaction(async (em) => {
      const { access } = await cardAccess(em, cardId, user, true);
      requireEdit(access);
      const [rows] = await em.query(`DELETE FROM card_attachment WHERE id = $1 AND card_id = $2 RETURNING filename`, [attachmentId, cardId]);
      if (!rows?.length) throw DomainError.notFound('Attachment');
      await em.query(`UPDATE card SET version = version + 1, updated_at = now() WHERE id = $1`, [cardId]);
      await this.writeHistory(em, cardId, user, 'attachment_removed', { filename: rows[0].filename });
      return loadBoardCard(em, cardId, access.readAll);
    });
    this.changes.changed(card);
  }
}

/** The board's view of a full card. */
function stripForBoard(card: CardDto) {
  const { description, descriptionHtml, checklist, lab, attachments, decision, createdAt, permissions, ...summary } = card;
  void [description, descriptionHtml, checklist, lab, attachments, decision, createdAt, permissions];
  return summary;
}
