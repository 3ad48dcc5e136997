import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES, type AgendaItemDto, type MeetingDocumentDto } from '@allmende/contracts';
import type { Language } from '../../core/i18n/language';

/** The accepted file extensions, for the file input's `accept` (`.pdf,.doc,…`). */
export const DOCUMENT_ACCEPT = Object.keys(DOCUMENT_TYPES)
  .map((ext) => `.${ext}`)
  .join(',');

/** Why a file cannot be uploaded, as a `meetings.documents.problems.*` message. */
export interface DocumentProblem {
  key: 'meetings.documents.problems.empty' | 'meetings.documents.problems.tooLarge' | 'meetings.documents.problems.type';
  params: Record<string, string>;
}

/** The lower-case extension of a file name ('' without one). */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * Checks a chosen file before it is sent, as the API will: a known extension (PDF and
 * office files) and at most DOCUMENT_MAX_BYTES. Null when the file may be uploaded.
 * (The API also looks at the content; its answer still counts.)
 */
export function documentProblem(file: Pick<File, 'name' | 'size'>, lang: Language): DocumentProblem | null {
  const ext = fileExtension(file.name);
  if (!ext || !Object.prototype.hasOwnProperty.call(DOCUMENT_TYPES, ext)) {
    return { key: 'meetings.documents.problems.type', params: { name: file.name, types: documentTypeList() } };
  }
  if (file.size === 0) return { key: 'meetings.documents.problems.empty', params: { name: file.name } };
  if (file.size > DOCUMENT_MAX_BYTES) {
    return {
      key: 'meetings.documents.problems.tooLarge',
      params: { name: file.name, size: formatBytes(file.size, lang), max: formatBytes(DOCUMENT_MAX_BYTES, lang) },
    };
  }
  return null;
}

/** "PDF, DOC, DOCX, …" for messages and hints. */
export function documentTypeList(): string {
  return Object.keys(DOCUMENT_TYPES)
    .map((ext) => ext.toUpperCase())
    .join(', ');
}

const LOCALES: Readonly<Record<Language, string>> = { de: 'de-DE', en: 'en-GB' };

/** "850 KB", "1,5 MB" / "1.5 MB" (binary units, as DOCUMENT_MAX_BYTES is 10 × 1024 × 1024). */
export function formatBytes(bytes: number, lang: Language): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}

/** Documents grouped for the list: the meeting's own first, then per agenda item in agenda order. */
export interface DocumentGroup {
  /** Null: the meeting as a whole. */
  item: { id: string; position: number; title: string } | null;
  documents: MeetingDocumentDto[];
}

export function groupDocuments(documents: readonly MeetingDocumentDto[], agenda: readonly AgendaItemDto[]): DocumentGroup[] {
  const byName = (a: MeetingDocumentDto, b: MeetingDocumentDto) => a.filename.localeCompare(b.filename) || a.id.localeCompare(b.id);
  const known = new Set(agenda.map((i) => i.id));
  // a document of an item that is gone stays visible with the meeting's own
  const own = documents.filter((d) => d.agendaItemId === null || !known.has(d.agendaItemId)).sort(byName);
  const groups: DocumentGroup[] = own.length ? [{ item: null, documents: own }] : [];
  agenda.forEach((item, index) => {
    const docs = documents.filter((d) => d.agendaItemId === item.id).sort(byName);
    if (docs.length) groups.push({ item: { id: item.id, position: index + 1, title: item.title }, documents: docs });
  });
  return groups;
}
