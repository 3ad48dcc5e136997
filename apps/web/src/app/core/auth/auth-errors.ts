import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@allmende/contracts';

/** API error codes with their own message in the `auth.errors` block. */
const MESSAGES: Readonly<Record<string, string>> = {
  INVALID_CREDENTIALS: 'invalidCredentials',
  EMAIL_NOT_VERIFIED: 'emailNotVerified',
  TOO_MANY_REQUESTS: 'tooManyRequests',
  VALIDATION_FAILED: 'validationFailed',
  UNKNOWN_ACTION_FIELD: 'validationFailed',
  INVALID_OR_EXPIRED_TOKEN: 'invalidToken',
  REFRESH_TOKEN_REUSED: 'unauthenticated',
  WRONG_PASSWORD: 'wrongPassword',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  CONFLICT: 'conflict',
  ACCOUNT_DELETED: 'accountDeleted',
};

/**
 * The stable code of a failed API call (`INVALID_CREDENTIALS`, …), from the
 * ApiErrorBody; `NETWORK` when the API was unreachable, `UNKNOWN` otherwise.
 */
export function authErrorCode(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) return 'UNKNOWN';
  const body = error.error as Partial<ApiErrorBody> | null;
  if (body && typeof body === 'object' && typeof body.code === 'string') return body.code;
  if (error.status === 0) return 'NETWORK';
  if (error.status === 429) return 'TOO_MANY_REQUESTS';
  return 'UNKNOWN';
}

/**
 * Translation key of the message for a failed account/auth call, e.g.
 * `auth.errors.invalidCredentials`. `overrides` maps codes to other keys.
 */
export function authErrorKey(error: unknown, overrides: Readonly<Record<string, string>> = {}): string {
  const code = authErrorCode(error);
  if (overrides[code]) return overrides[code];
  if (code === 'NETWORK') return 'auth.errors.network';
  return `auth.errors.${MESSAGES[code] ?? 'unknown'}`;
}
