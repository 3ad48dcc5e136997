import { LOGIN_FAILURE_LIMIT, LOGIN_WINDOW_MS, LoginLimiter } from './login-limiter';

describe('LoginLimiter', () => {
  it('blocks after ten failures within a minute and forgets them afterwards', () => {
    const limiter = new LoginLimiter();
    const t0 = 1_000_000;
    for (let i = 0; i < LOGIN_FAILURE_LIMIT - 1; i++) limiter.recordFailure(['ip:1'], t0 + i);
    expect(limiter.isBlocked(['ip:1'], t0 + 100)).toBe(false);
    limiter.recordFailure(['ip:1'], t0 + 100);
    expect(limiter.isBlocked(['ip:1'], t0 + 101)).toBe(true);
    expect(limiter.isBlocked(['ip:2'], t0 + 101)).toBe(false);
    expect(limiter.isBlocked(['ip:1'], t0 + 100 + LOGIN_WINDOW_MS)).toBe(false);
  });
});
