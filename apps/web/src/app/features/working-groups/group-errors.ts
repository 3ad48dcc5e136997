import { apiErrorCode, apiErrorKey } from '../../shared/api-error';

/** Error codes of the working-group and action-field API with their own message under `groups.errors.<CODE>`. */
export const GROUP_ERROR_CODES = [
  'GROUP_NOT_JOINABLE',
  'ALREADY_GROUP_MEMBER',
  'GROUP_REQUEST_PENDING',
  'NOT_A_GROUP_MEMBER',
  'NO_OPEN_REQUEST',
  'NOT_YOUR_ORGANISATION',
  'SIGNATORIES_ONLY',
  'INVALID_GROUP_TRANSITION',
  'GROUP_DISSOLVED',
  'UNKNOWN_ACTION_FIELD',
  'SLUG_TAKEN',
] as const;

/** Translation key of the message for a failed working-group call; other codes use the shared messages. */
export function groupErrorKey(error: unknown): string {
  const code = apiErrorCode(error);
  return code && (GROUP_ERROR_CODES as readonly string[]).includes(code) ? `groups.errors.${code}` : apiErrorKey(error);
}
