import { BadRequestException, HttpStatus, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { AllExceptionsFilter } from './exception.filter';

describe('AllExceptionsFilter.toBody', () => {
  const filter = new AllExceptionsFilter();

  it('keeps the code and status of a domain error', () => {
    const body = filter.toBody(DomainError.conflict('Already registered', 'ALREADY_REGISTERED'), 'req-1');
    expect(body).toEqual({ statusCode: 409, code: 'ALREADY_REGISTERED', message: 'Already registered', requestId: 'req-1' });
  });

  it('maps Nest HTTP exceptions to stable codes', () => {
    expect(filter.toBody(new NotFoundException('nope'), 'r').code).toBe('NOT_FOUND');
    expect(filter.toBody(new BadRequestException(['a', 'b']), 'r')).toMatchObject({ statusCode: 400, message: 'a; b' });
  });

  it('turns invalid-value and unique violations from PostgreSQL into 4xx', () => {
    const invalid = new QueryFailedError('SELECT', [], Object.assign(new Error('invalid uuid'), { code: '22P02' }));
    expect(filter.toBody(invalid, 'r').statusCode).toBe(HttpStatus.BAD_REQUEST);
    const dup = new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: '23505' }));
    expect(filter.toBody(dup, 'r').statusCode).toBe(HttpStatus.CONFLICT);
  });

  it('hides the details of unexpected errors', () => {
    const body = filter.toBody(new Error('secret connection string postgres://x'), 'r');
    expect(body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: 'r' });
  });

  it('keeps body-parser client errors as 4xx', () => {
    const err = Object.assign(new SyntaxError('Unexpected end'), { status: 400, type: 'entity.parse.failed' });
    expect(filter.toBody(err, 'r')).toMatchObject({ statusCode: 400, message: 'Malformed JSON body' });
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' });
    expect(filter.toBody(tooLarge, 'r')).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });
});
