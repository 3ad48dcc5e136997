import { apiErrorCode, apiErrorKey } from '../../shared/api-error';

/** Error codes of the meetings API with their own message under `meetings.errors.<CODE>`. */
export const MEETING_ERROR_CODES = [
  'REGISTRATION_CLOSED',
  'NOT_REGISTERED',
  'UNKNOWN_CHECK_IN_CODE',
  'TOO_MANY_DOTS',
  'POLL_CLOSED',
  'NOT_CHECKED_IN',
  'INVALID_MEETING_TIMES',
  'GUESTS_ONLY_FOR_CONFERENCES',
  'INVALID_OR_EXPIRED_TOKEN',
  'VALIDATION_FAILED',
  'GROUP_REQUIRED',
  'MEETING_KIND_FIXED',
  'UNKNOWN_POLL_OPTION',
  'DOCUMENT_TYPE_NOT_ALLOWED',
  'DOCUMENT_MISSING',
  'PAYLOAD_TOO_LARGE',
  'UNKNOWN_AGENDA_ITEM',
  'MEETING_CANCELLED',
  'MEETING_OVER',
  'NO_CHECKED_IN_ATTENDEES',
  'UNKNOWN_REGISTRATION',
] as const;

/** Translation key of the message for a failed meetings call; other codes use the shared messages. */
export function meetingErrorKey(error: unknown): string {
  const code = apiErrorCode(error);
  return code && (MEETING_ERROR_CODES as readonly string[]).includes(code) ? `meetings.errors.${code}` : apiErrorKey(error);
}
