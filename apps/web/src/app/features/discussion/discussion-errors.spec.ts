import { HttpErrorResponse } from '@angular/common/http';
import { discussionError, isNetworkError, mutedUntil, retryAfterSeconds } from './discussion-errors';

const apiError = (status: number, body: object) => new HttpErrorResponse({ status, error: { statusCode: status, message: 'x', requestId: 'r', ...body } });

describe('discussion errors', () => {
  it('knows a network error (no answer at all)', () => {
    expect(isNetworkError(new HttpErrorResponse({ status: 0 }))).toBe(true);
    expect(isNetworkError(apiError(500, {}))).toBe(false);
    expect(discussionError(new HttpErrorResponse({ status: 0 }))).toEqual({ key: 'discussion.errors.network', params: {} });
  });

  it('reads how long to wait after RATE_LIMITED', () => {
    const error = apiError(429, { code: 'RATE_LIMITED', retryAfterSeconds: 9.5 });
    expect(retryAfterSeconds(error)).toBe(10);
    expect(discussionError(error)).toEqual({ key: 'discussion.errors.RATE_LIMITED', params: { seconds: 10 } });
    // a throttled request without the field still gets a number
    expect(discussionError(apiError(429, { code: 'TOO_MANY_REQUESTS' }))).toEqual({ key: 'discussion.errors.RATE_LIMITED', params: { seconds: 10 } });
  });

  it('says until when a person is muted, in Berlin time and the reader’s language', () => {
    // 13:00 UTC in December is 14:00 in Berlin
    const error = apiError(403, { code: 'MUTED', until: '2026-12-03T13:00:00.000Z' });
    expect(mutedUntil(error)).toBe('2026-12-03T13:00:00.000Z');
    expect(discussionError(error, 'de')).toEqual({ key: 'discussion.errors.MUTED_UNTIL', params: { until: '3. Dezember 2026, 14:00' } });
    expect(discussionError(error, 'en')).toEqual({ key: 'discussion.errors.MUTED_UNTIL', params: { until: '3 December 2026, 14:00' } });
    // without the language, or without a usable end, the general text
    expect(discussionError(error).key).toBe('discussion.errors.MUTED');
    expect(discussionError(apiError(403, { code: 'MUTED', until: 'soon' }), 'de').key).toBe('discussion.errors.MUTED');
  });

  it('has a message of its own for the discussion codes, a generic one otherwise', () => {
    expect(discussionError(apiError(409, { code: 'THREAD_LOCKED' })).key).toBe('discussion.errors.THREAD_LOCKED');
    expect(discussionError(apiError(403, { code: 'MUTED' })).key).toBe('discussion.errors.MUTED');
    expect(discussionError(apiError(409, { code: 'ALREADY_REPORTED' })).key).toBe('discussion.errors.ALREADY_REPORTED');
    expect(discussionError(apiError(500, { code: 'INTERNAL_ERROR' })).key).toBe('discussion.errors.generic');
    expect(discussionError(new Error('boom')).key).toBe('discussion.errors.generic');
  });
});
