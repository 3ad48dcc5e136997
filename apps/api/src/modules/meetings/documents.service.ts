import { Injectable } from '@nestjs/common';
import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES, type MeetingDocumentDto } from '@allmende/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { loadVisibleMeeting, requireRunner } from './meeting-access';

export const DocumentErrors = {
  TypeNotAllowed: 'DOCUMENT_TYPE_NOT_ALLOWED',
  Missing: 'DOCUMENT_MISSING',
  UnknownAgendaItem: 'UNKNOWN_AGENDA_ITEM',
} as const;

/** The part of an uploaded file (multer, kept in memory) this service reads. */
export interface UploadedDocument {
  originalname: string;
  size: number;
  buffer: Buffer;
}

const PDF = Buffer.from('%PDF-');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** What each accepted extension must start with: the name alone is not trusted. */
const SIGNATURE: Record<string, Buffer> = {
  pdf: PDF,
  doc: OLE, xls: OLE, ppt: OLE,
  docx: ZIP, xlsx: ZIP, pptx: ZIP, odt: ZIP, ods: ZIP, odp: ZIP,
};

/** Keeps the last path segment, drops control characters and limits the length. */
export function cleanFilename(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (base || 'dokument').slice(-150);
}

/** The content type for an upload, or a 400 when its name or content is not a PDF or office file. */
export function documentType(filename: string, content: Buffer): string {
  const ext = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
  const signature = SIGNATURE[ext];
  if (!signature || !DOCUMENT_TYPES[ext] || !content.subarray(0, signature.length).equals(signature)) {
    throw DomainError.badRequest(`Only PDF and office files (${Object.keys(DOCUMENT_TYPES).join(', ')}) are accepted`, DocumentErrors.TypeNotAllowed);
  }
  return DOCUMENT_TYPES[ext];
}

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
    if (!file) throw DomainError.badRequest('Attach the document as the form field "file"', DocumentErrors.Missing);
    // multer enforces the limit while reading; this guards other callers
    if (file.size > DOCUMENT_MAX_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', 413, `Documents may have at most ${DOCUMENT_MAX_BYTES} bytes`);
    const filename = cleanFilename(file.originalname);
    const contentType = documentType(filename, file.buffer);
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
        [meetingId, agendaItemId, filename, contentType, file.buffer.length, file.buffer, user.id],
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
