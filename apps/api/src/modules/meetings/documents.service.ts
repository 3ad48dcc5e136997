import { Injectable } from '@nestjs/common';
import type { MeetingDocumentDto } from '@allmende/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { checkUpload, type UploadedDocument } from '../../common/uploads';
import { loadVisibleMeeting, requireRunner } from './meeting-access';

export const DocumentErrors = {
  UnknownAgendaItem: 'UNKNOWN_AGENDA_ITEM',
} as const;

interface DocumentRow {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  filename: string;
  content_type: string;
  size_bytes: number;
  uploaded_at: Date;
}

const toDto = (r: DocumentRow): MeetingDocumentDto => ({
  id: r.id,
  meetingId: r.meeting_id,
  agendaItemId: r.agenda_item_id,
  filename: r.filename,
  contentType: r.content_type,
  sizeBytes: r.size_bytes,
  uploadedAt: new Date(r.uploaded_at).toISOString(),
});

const COLUMNS = `id, meeting_id, agenda_item_id, filename, content_type, size_bytes, uploaded_at`;

/**
 * Documents (decision papers, presentations) of a meeting or one of its agenda items.
 * Whoever may see the meeting may read them; whoever runs it attaches and removes them.
 */
@Injectable()
export class DocumentsService {
  constructor(private readonly ds: DataSource) {}

  /** Without a visibility check: the caller has loaded the meeting. */
  async listFor(meetingId: string): Promise<MeetingDocumentDto[]> {
    const rows: DocumentRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM meeting_document d WHERE meeting_id = $1
        ORDER BY (SELECT position FROM agenda_item a WHERE a.id = d.agenda_item_id) NULLS FIRST, uploaded_at, id`,
      [meetingId],
    );
    return rows.map(toDto);
  }

  async list(meetingId: string, user: AuthUser | undefined): Promise<MeetingDocumentDto[]> {
    await loadVisibleMeeting(this.ds, meetingId, user);
    return this.listFor(meetingId);
  }

  async upload(meetingId: string, file: UploadedDocument | undefined, agendaItemId: string | null, user: AuthUser): Promise<MeetingDocumentDto> {
    const { filename, contentType, content } = checkUpload(file);
    return this.ds.transaction(async (em) => {
      const m = await loadVisibleMeeting(em, meetingId, user, true);
      await requireRunner(em, m, user);
      if (agendaItemId) {
        const item = await em.query(`SELECT 1 FROM agenda_item WHERE id = $1 AND meeting_id = $2`, [agendaItemId, meetingId]);
        if (!item.length) throw DomainError.badRequest('The agenda item belongs to another meeting', DocumentErrors.UnknownAgendaItem);
      }
      const [row]: DocumentRow[] = await em.query(
        `INSERT INTO meeting_document (meeting_id, agenda_item_id, filename, content_type, size_bytes, content, uploaded_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING ${COLUMNS}`,
        [meetingId, agendaItemId, filename, contentType, content.length, content, user.id],
      );
      return toDto(row);
    });
  }

  async download(meetingId: string, documentId: string, user: AuthUser | undefined): Promise<{ filename: string; contentType: string; content: Buffer }> {
    await loadVisibleMeeting(this.ds, meetingId, user);
    const [row] = await this.ds.query(`SELECT filename, content_type, content FROM meeting_document WHERE id = $1 AND meeting_id = $2`, [documentId, meetingId]);
    if (!row) throw DomainError.notFound('Document');
    return { filename: row.filename, contentType: row.content_type, content: row.content };
  }

  async remove(meetingId: string, documentId: string, user: AuthUser): Promise<void> {
    await this.ds.transaction(async (em) => {
      const m = await loadVisibleMeeting(em, meetingId, user, true);
      await requireRunner(em, m, user);
      const [rows] = await em.query(`DELETE FROM meeting_document WHERE id = $1 AND meeting_id = $2 RETURNING id`, [documentId, meetingId]);
      if (!rows?.length) throw DomainError.notFound('Document');
    });
  }
}
