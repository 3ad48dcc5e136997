/** Every error the API sends has this body, whatever went wrong. */
export interface ApiErrorBody {
  statusCode: number;
  /** Stable, machine-readable code; clients branch on this, never on `message`. */
  code: ErrorCode | string;
  message: string;
  requestId: string;
  /** Field-level problems for validation errors. */
  details?: ValidationIssue[];
}

export interface ValidationIssue {
  field: string;
  problems: string[];
}

export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  BadRequest: 'BAD_REQUEST',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  Internal: 'INTERNAL_ERROR',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
