import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiErrorBody, ErrorCode, ValidationIssue } from '@allmende/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';

const codeForStatus: Record<number, string> = {
  400: ErrorCode.BadRequest,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.ServiceUnavailable,
};

// PostgreSQL errors that are the client's fault (bad uuid, bad number, constraint…).
const clientPgErrors: Record<string, [HttpStatus, string]> = {
  '22P02': [HttpStatus.BAD_REQUEST, ErrorCode.BadRequest],
  '22003': [HttpStatus.BAD_REQUEST, ErrorCode.BadRequest],
  '23505': [HttpStatus.CONFLICT, ErrorCode.Conflict],
  '23503': [HttpStatus.CONFLICT, ErrorCode.Conflict],
};

/** Every error leaves the API as `{ statusCode, code, message, requestId }`; never a stack trace. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string | number }>();
    const res = ctx.getResponse<Response>();
    const body = this.toBody(exception, String(req.id ?? res.getHeader('x-request-id') ?? ''));
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown, requestId: string): ApiErrorBody {
    if (exception instanceof DomainError) {
      const body: ApiErrorBody = { statusCode: exception.status, code: exception.code, message: exception.message, requestId };
      if (exception.details) body.details = exception.details as ValidationIssue[];
      return exception.extra ? { ...exception.extra, ...body } : body;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : String(raw ?? exception.message);
      return { statusCode: status, code: codeForStatus[status] ?? (status < 500 ? ErrorCode.BadRequest : ErrorCode.Internal), message, requestId };
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
      const mapped = pgCode ? clientPgErrors[pgCode] : undefined;
      if (mapped) return { statusCode: mapped[0], code: mapped[1], message: 'The request conflicts with stored data or has an invalid value', requestId };
    }
    // body-parser errors (malformed JSON, too large) carry a status
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (exception as { type?: string }).type;
      return {
        statusCode: status,
        code: codeForStatus[status] ?? ErrorCode.BadRequest,
        message: type === 'entity.parse.failed' ? 'Malformed JSON body' : String((exception as Error).message),
        requestId,
      };
    }
    return { statusCode: 500, code: ErrorCode.Internal, message: 'Internal server error', requestId };
  }
}
