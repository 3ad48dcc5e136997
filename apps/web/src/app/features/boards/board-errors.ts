import { HttpErrorResponse } from '@angular/common/http';
import type { CardConflictBody, CardDto } from '@allmende/contracts';
import { apiErrorCode, apiErrorStatus } from '../../shared/api-error';

/** Error codes with their own message under `boards.errors.<CODE>`. */
const BOARD_ERROR_CODES = [
  'CARD_VERSION_CONFLICT',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
] as const;

/** Translation key of the message for a failed boards call. */
export function boardErrorKey(error: unknown): string {
  const code = apiErrorCode(error);
  if (code && (BOARD_ERROR_CODES as readonly string[]).includes(code)) return `boards.errors.${code}`;
  const status = apiErrorStatus(error);
  if (status === 403) return 'boards.errors.FORBIDDEN';
  if (status === 404) return 'boards.errors.NOT_FOUND';
  if (status === 413) return 'boards.errors.PAYLOAD_TOO_LARGE';
  if (status === 0) return 'boards.errors.network';
  return 'boards.errors.generic';
}

/** The card as it is now, when the call failed on a stale version (409 CARD_VERSION_CONFLICT). */
export function conflictCard(error: unknown): CardDto | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) return null;
  const body = error.error as Partial<CardConflictBody> | null;
  return body && typeof body === 'object' && body.code === 'CARD_VERSION_CONFLICT' && body.current ? body.current : null;
}
