import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES } from '@allmende/contracts';
import { DomainError } from './domain-error';

export const UploadErrors = {
  TypeNotAllowed: 'DOCUMENT_TYPE_NOT_ALLOWED',
  Missing: 'DOCUMENT_MISSING',
} as const;

/** Multer options for one document in memory (utf8: file names with umlauts arrive as sent). */
export const DOCUMENT_UPLOAD = { limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 5 }, defParamCharset: 'utf8' };

/** The part of an uploaded file (multer, kept in memory) that is read. */
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
    throw DomainError.badRequest(`Only PDF and office files (${Object.keys(DOCUMENT_TYPES).join(', ')}) are accepted`, UploadErrors.TypeNotAllowed);
  }
  return DOCUMENT_TYPES[ext];
}

/** Checks an upload (present, size, PDF or office file by name and content); answers its clean name and type. */
export function checkUpload(file: UploadedDocument | undefined): { filename: string; contentType: string; content: Buffer } {
  if (!file) throw DomainError.badRequest('Attach the document as the form field "file"', UploadErrors.Missing);
  // multer enforces the limit while reading; this guards other callers
  if (file.size > DOCUMENT_MAX_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', 413, `Documents may have at most ${DOCUMENT_MAX_BYTES} bytes`);
  const filename = cleanFilename(file.originalname);
  return { filename, contentType: documentType(filename, file.buffer), content: file.buffer };
}
