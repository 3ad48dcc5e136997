import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorCode, apiErrorKey } from './api-error';

describe('apiErrorKey', () => {
  const httpError = (body: unknown, status = 409) => new HttpErrorResponse({ error: body, status });

  it('maps known codes to their own message', () => {
    expect(apiErrorKey(httpError({ code: 'CHARTER_VERSION_OUTDATED' }))).toBe('membership.errors.CHARTER_VERSION_OUTDATED');
    expect(apiErrorKey(httpError({ code: 'FORBIDDEN' }, 403))).toBe('membership.errors.FORBIDDEN');
  });

  it('falls back to the generic message for unknown codes and non-API errors', () => {
    expect(apiErrorKey(httpError({ code: 'SOMETHING_NEW' }))).toBe('membership.errors.generic');
    expect(apiErrorKey(httpError('<html>', 502))).toBe('membership.errors.generic');
    expect(apiErrorKey(new Error('offline'))).toBe('membership.errors.generic');
    expect(apiErrorCode(new Error('offline'))).toBeNull();
  });
});
