import { availableParallelism } from 'node:os';
import { ConfigError, parseEnv } from './env.schema';

describe('parseEnv', () => {
  it('applies defaults for an empty environment', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEMO_DATA).toBe(true);
    expect(env.DEMO_PASSWORD).toBe('allmende-demo');
    expect(env.DATABASE_POOL_SIZE).toBe(availableParallelism() * 2 + 1);
    expect(parseEnv({ DATABASE_POOL_SIZE: '12' }).DATABASE_POOL_SIZE).toBe(12);
  });

  it('converts numbers and booleans', () => {
    const env = parseEnv({ PORT: '8080', DEMO_DATA: 'false', SMTP_PORT: '2525' });
    expect(env.PORT).toBe(8080);
    expect(env.DEMO_DATA).toBe(false);
    expect(env.SMTP_PORT).toBe(2525);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'localhost:6379'],
    ['JWT_SECRET', 'short'],
    ['PUBLIC_URL', 'not a url'],
    ['DEMO_DATA', 'maybe'],
    ['SMTP_FROM', 'nobody'],
  ])('rejects %s=%s naming the variable', (key, value) => {
    let error: unknown;
    try {
      parseEnv({ [key]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(`${key}=`);
  });

  it('requires JWT_SECRET in production with an external database', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' })).toThrow(/JWT_SECRET/);
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ PORT: '' }).PORT).toBe(3000);
  });
});
