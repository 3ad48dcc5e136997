import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES } from '@allmende/contracts';
import type { Language } from '../../core/i18n/language';

/** The accepted file extensions, for the file input's `accept` (`.pdf,.doc,…`). */
export const ATTACHMENT_ACCEPT = Object.keys(DOCUMENT_TYPES)
  .map((ext) => `.${ext}`)
  .join(',');

/** Why a file cannot be attached, as a `boards.attachments.problems.*` message. */
export interface AttachmentProblem {
  key: string;
  params: Record<string, string>;
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Checks a chosen file as the API will (PDF and office files, at most DOCUMENT_MAX_BYTES); null when fine. */
export function attachmentProblem(file: Pick<File, 'name' | 'size'>, lang: Language): AttachmentProblem | null {
  const ext = extension(file.name);
  if (!ext || !Object.prototype.hasOwnProperty.call(DOCUMENT_TYPES, ext)) {
    return { key: 'boards.attachments.problems.type', params: { name: file.name, types: attachmentTypeList() } };
  }
  if (file.size === 0) return { key: 'boards.attachments.problems.empty', params: { name: file.name } };
  if (file.size > DOCUMENT_MAX_BYTES) {
    return { key: 'boards.attachments.problems.tooLarge', params: { name: file.name, max: formatBytes(DOCUMENT_MAX_BYTES, lang) } };
  }
  return null;
}

/** "PDF, DOC, DOCX, …" for messages and hints. */
export function attachmentTypeList(): string {
  return Object.keys(DOCUMENT_TYPES)
    .map((ext) => ext.toUpperCase())
    .join(', ');
}

const LOCALES: Readonly<Record<Language, string>> = { de: 'de-DE', en: 'en-GB' };

/** "850 KB", "1,5 MB" / "1.5 MB" (binary units). */
export function formatBytes(bytes: number, lang: Language): string {
  const number = (value: number, digits: number) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}
