import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@allmende/contracts';

/**
 * An expected failure of the domain (not found, conflict, not allowed…).
 * Services throw it; the exception filter turns it into the error body.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    message: string,
    readonly details?: unknown,
    /** More fields for the error body, e.g. the current state on a version conflict. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string, code: string = ErrorCode.NotFound): DomainError {
    return new DomainError(code, HttpStatus.NOT_FOUND, `${what} not found`);
  }
  static conflict(message: string, code: string = ErrorCode.Conflict, details?: unknown): DomainError {
    return new DomainError(code, HttpStatus.CONFLICT, message, details);
  }
  static forbidden(message = 'You may not do this', code: string = ErrorCode.Forbidden): DomainError {
    return new DomainError(code, HttpStatus.FORBIDDEN, message);
  }
  static badRequest(message: string, code: string = ErrorCode.BadRequest): DomainError {
    return new DomainError(code, HttpStatus.BAD_REQUEST, message);
  }
}
