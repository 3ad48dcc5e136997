import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@allmende/contracts';

/** Error codes with their own message under `membership.errors.<CODE>`; every other one gets `generic`. */
export const TRANSLATED_ERROR_CODES = [
  'INVALID_MEMBERSHIP_TRANSITION',
  'NOT_AWAITING_APPROVAL',
  'CHARTER_VERSION_OUTDATED',
  'SECTOR_ONLY_FOR_BUSINESS',
  'ALREADY_AFFILIATED',
  'LAST_REPRESENTATIVE',
  'CANNOT_DEMOTE_SELF',
  'NO_CHARTER',
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
] as const;

/** The stable `code` of an API error body, or null for anything else (network errors, …). */
export function apiErrorCode(error: unknown): string | null {
  if (error instanceof HttpErrorResponse && typeof error.error === 'object' && error.error !== null) {
    const code = (error.error as Partial<ApiErrorBody>).code;
    return typeof code === 'string' ? code : null;
  }
  // resources wrap thrown values that are not Error-like
  if (error instanceof Error && error.cause !== undefined) return apiErrorCode(error.cause);
  return null;
}

/** HTTP status of a failed API call (0 when unknown). */
export function apiErrorStatus(error: unknown): number {
  if (error instanceof HttpErrorResponse) return error.status;
  return error instanceof Error && error.cause !== undefined ? apiErrorStatus(error.cause) : 0;
}

/** Translation key of the message to show for a failed API call. */
export function apiErrorKey(error: unknown): string {
  const code = apiErrorCode(error);
  return code && (TRANSLATED_ERROR_CODES as readonly string[]).includes(code)
    ? `membership.errors.${code}`
    : 'membership.errors.generic';
}
