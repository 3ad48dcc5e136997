import { parseEnv } from '../config/env.schema';
import { allowedOrigin } from './realtime.adapter';

describe('allowedOrigin', () => {
  const config = {
    env: parseEnv({ PUBLIC_URL: 'https://allianz.bottrop.example', CORS_ORIGINS: 'http://localhost:4200' }),
    databaseUrl: '',
    jwtSecret: '',
    webDist: null,
    embeddedDatabase: false,
  };
  it('accepts the public URL, configured origins, the own host and non-browser clients', () => {
    expect(allowedOrigin('https://allianz.bottrop.example', 'x', config)).toBe(true);
    expect(allowedOrigin('http://localhost:4200', 'x', config)).toBe(true);
    expect(allowedOrigin('http://127.0.0.1:3000', '127.0.0.1:3000', config)).toBe(true);
    expect(allowedOrigin(undefined, 'x', config)).toBe(true);
  });
  it('refuses other sites', () => {
    expect(allowedOrigin('https://evil.example', 'allianz.bottrop.example', config)).toBe(false);
    expect(allowedOrigin('not a url', 'x', config)).toBe(false);
  });
});
