import type { ExportFile } from '@allmende/contracts';
import { inclusiveEnd } from './research-format';

/** A file name for the download: study, export date and the API's name (`mobility-study-2024-05-01-persons.csv`). */
export function downloadName(study: string, createdAt: string, file: string): string {
  const slug = study
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return [slug, createdAt.slice(0, 10), file].filter(Boolean).join('-');
}

/** Size of a file's content in bytes (UTF-8). */
export function byteSize(file: ExportFile): number {
  return new TextEncoder().encode(file.content).length;
}

/** The period an export covered, from its logged filters: inclusive first and last day, when set. */
export function loggedPeriod(filters: Record<string, unknown>): { from: string | null; to: string | null } {
  const from = typeof filters['from'] === 'string' && filters['from'] ? (filters['from'] as string).slice(0, 10) : null;
  const to = typeof filters['to'] === 'string' && filters['to'] ? inclusiveEnd(filters['to'] as string) : null;
  return { from, to };
}

/** Hands a file to the browser as a download (a Blob behind a temporary object URL). */
export function saveFile(doc: Document, file: ExportFile, name: string): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.contentType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
