import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode, ValidationIssue } from '@allmende/contracts';
import { DomainError } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): ValidationIssue[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The one validation pipe: unknown fields are refused, types converted, errors listed per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new DomainError(
        ErrorCode.ValidationFailed,
        HttpStatus.BAD_REQUEST,
        `Invalid input: ${details.map((d) => `${d.field} (${d.problems.join('; ')})`).join(', ')}`,
        details,
      );
    },
  });
}
