import type { BoardCardDto, CardAttachmentDto, CardDto, ChecklistItem, LabRecord, NamedRef } from '@allmende/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { renderMarkdown } from '../../common/markdown';

/** Columns of a card as the board shows it; `$persons` decides whether person names are included. */
export const CARD_SUMMARY_COLUMNS = `
  c.id, c.board_id, c.stage, c.rank, c.title, c.action_field_id, c.strategic_goal_id, c.responsibility,
  to_char(c.due_date, 'YYYY-MM-DD') AS due_date, c.labels, c.public, c.decision_id, c.version, c.updated_at,
  (SELECT count(*) FROM jsonb_array_elements(c.checklist) e WHERE (e->>'done')::boolean) AS checklist_done,
  jsonb_array_length(c.checklist) AS checklist_total,
  (SELECT count(*) FROM card_attachment ca WHERE ca.card_id = c.id) AS attachment_count,
  coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name)
              FROM card_organisation co JOIN organisation o ON o.id = co.organisation_id WHERE co.card_id = c.id), '[]') AS organisations,
  coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.display_name) ORDER BY p.display_name)
              FROM card_person cp JOIN person p ON p.id = cp.person_id WHERE cp.card_id = c.id AND p.deleted_at IS NULL), '[]') AS persons`;

export interface CardSummaryRow {
  id: string;
  board_id: string;
  stage: BoardCardDto['stage'];
  rank: string;
  title: string;
  action_field_id: string | null;
  strategic_goal_id: string | null;
  responsibility: BoardCardDto['responsibility'];
  due_date: string | null;
  labels: string[];
  public: boolean;
  decision_id: string | null;
  version: number;
  updated_at: Date;
  checklist_done: string;
  checklist_total: number;
  attachment_count: string;
  organisations: NamedRef[];
  persons: NamedRef[];
}

/** `withPersons`: names of responsible persons are for readers of the whole board, not the public. */
export function toBoardCard(r: CardSummaryRow, withPersons: boolean): BoardCardDto {
  return {
    id: r.id,
    boardId: r.board_id,
    stage: r.stage,
    rank: r.rank,
    title: r.title,
    actionFieldId: r.action_field_id,
    strategicGoalId: r.strategic_goal_id,
    responsibility: r.responsibility,
    organisations: r.organisations,
    persons: withPersons ? r.persons : [],
    dueDate: r.due_date,
    labels: r.labels,
    checklistDone: Number(r.checklist_done),
    checklistTotal: Number(r.checklist_total),
    attachmentCount: Number(r.attachment_count),
    public: r.public,
    decisionId: r.decision_id,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function loadBoardCard(em: EntityManager | DataSource, cardId: string, withPersons: boolean): Promise<BoardCardDto> {
  const [row] = await em.query(`SELECT ${CARD_SUMMARY_COLUMNS} FROM card c WHERE c.id = $1`, [cardId]);
  return toBoardCard(row, withPersons);
}

/** The whole card for its detail view. */
export async function loadCard(em: EntityManager | DataSource, cardId: string, readAll: boolean, canEdit: boolean): Promise<CardDto> {
  const [row] = await em.query(
    `SELECT ${CARD_SUMMARY_COLUMNS}, c.description, c.checklist, c.lab, c.created_at,
            d.text AS decision_text, d.meeting_id AS decision_meeting_id, m.title AS decision_meeting_title,
            coalesce((SELECT json_agg(json_build_object('id', a.id, 'filename', a.filename, 'contentType', a.content_type, 'sizeBytes', a.size_bytes,
                                                        'uploadedAt', a.uploaded_at) ORDER BY a.uploaded_at, a.id)
                        FROM card_attachment a WHERE a.card_id = c.id), '[]') AS attachments
       FROM card c LEFT JOIN decision d ON d.id = c.decision_id LEFT JOIN meeting m ON m.id = d.meeting_id
      WHERE c.id = $1`,
    [cardId],
  );
  return {
    ...toBoardCard(row, readAll),
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    checklist: row.checklist as ChecklistItem[],
    lab: row.lab as LabRecord | null,
    attachments: (row.attachments as CardAttachmentDto[]).map((a) => ({ ...a, uploadedAt: new Date(a.uploadedAt).toISOString() })),
    // the decision belongs to a meeting whose record is for members
    decision:
      readAll && row.decision_id
        ? { id: row.decision_id, text: row.decision_text, meetingId: row.decision_meeting_id, meetingTitle: row.decision_meeting_title }
        : null,
    createdAt: new Date(row.created_at).toISOString(),
    permissions: { canEdit },
  };
}
