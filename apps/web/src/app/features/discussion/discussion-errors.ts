import { HttpErrorResponse } from '@angular/common/http';
import { Language } from '../../core/i18n/language';
import { apiErrorCode, apiErrorStatus } from '../../shared/api-error';
import { formatBerlinDateTime } from '../meetings/berlin-time';

/** Error codes of the discussion API with their own message under `discussion.errors.<CODE>`. */
export const DISCUSSION_ERROR_CODES = [
  'THREAD_LOCKED',
  'MUTED',
  'RATE_LIMITED',
  'ALREADY_REPORTED',
  'MESSAGE_DELETED',
  'NOT_AUTHOR',
  'UNKNOWN_PARENT',
  'UNKNOWN_ATTACHMENT',
  'UNKNOWN_REACTION',
  'CLIENT_ID_REUSED',
  'REASON_REQUIRED',
  'DOCUMENT_TYPE_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
] as const;

/** A message to show: a translation key and its parameters. */
export interface DiscussionError {
  key: string;
  params: Record<string, string | number>;
}

/** No answer at all (offline, the server unreachable): the request may be sent again as it was. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 0;
}

/** Seconds to wait after RATE_LIMITED (the error body's `retryAfterSeconds`), or null. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof HttpErrorResponse) || typeof error.error !== 'object' || error.error === null) return null;
  const seconds = (error.error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : null;
}

/** The end of the mute after MUTED (the error body's `until`, ISO), or null. */
export function mutedUntil(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse) || typeof error.error !== 'object' || error.error === null) return null;
  const until = (error.error as { until?: unknown }).until;
  return typeof until === 'string' && !Number.isNaN(Date.parse(until)) ? until : null;
}

/**
 * The message for a failed discussion call. With the language, MUTED says until when
 * (in Berlin time); without it, or when the body lacks the end, the general text.
 */
export function discussionError(error: unknown, lang?: Language): DiscussionError {
  if (isNetworkError(error)) return { key: 'discussion.errors.network', params: {} };
  const code = apiErrorCode(error);
  if (code === 'RATE_LIMITED') return { key: 'discussion.errors.RATE_LIMITED', params: { seconds: retryAfterSeconds(error) ?? 10 } };
  const until = code === 'MUTED' && lang ? mutedUntil(error) : null;
  if (until && lang) return { key: 'discussion.errors.MUTED_UNTIL', params: { until: formatBerlinDateTime(until, lang) } };
  if (code && (DISCUSSION_ERROR_CODES as readonly string[]).includes(code)) return { key: `discussion.errors.${code}`, params: {} };
  if (apiErrorStatus(error) === 429) return { key: 'discussion.errors.RATE_LIMITED', params: { seconds: retryAfterSeconds(error) ?? 10 } };
  if (apiErrorStatus(error) === 404) return { key: 'discussion.errors.NOT_FOUND', params: {} };
  return { key: 'discussion.errors.generic', params: {} };
}
