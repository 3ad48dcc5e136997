import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};
const postgresUrl = /^postgres(ql)?:\/\/[^\s]+$/;
const redisUrl = /^rediss?:\/\/[^\s]+$/;

/**
 * Every environment variable the API reads, validated once at start-up.
 * Nothing else in the code base reads `process.env`.
 */
export class EnvSchema {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt({ message: 'must be a whole number' }) @Min(0) @Max(65535) PORT = 3000;

  @IsOptional() @Matches(postgresUrl, { message: 'must be a postgres:// URL' }) DATABASE_URL?: string;

  @IsOptional() @Matches(redisUrl, { message: 'must be a redis:// or rediss:// URL' }) REDIS_URL?: string;

  /** Generated into the data folder for the embedded default; required when DATABASE_URL is set in production. */
  @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters' }) JWT_SECRET?: string;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }, { message: 'must be an absolute http(s) URL' })
  PUBLIC_URL?: string;

  /** Folder for the embedded PostgreSQL and generated secrets (git-ignored). */
  @IsString() @MinLength(1) DATA_DIR = '.data';

  /** Port of the embedded PostgreSQL (only used when DATABASE_URL is unset). */
  @Transform(toInt) @IsInt({ message: 'must be a whole number' }) @Min(1) @Max(65535) EMBEDDED_PG_PORT = 54329;

  /** Folder with the built Angular app, served at `/`. */
  @IsOptional() @IsString() WEB_DIST?: string;

  /** Load the Bottrop demo data on start (idempotent). */
  @Transform(toBool) @IsBoolean({ message: 'must be true or false' }) DEMO_DATA = true;

  @IsString() @MinLength(8, { message: 'must be at least 8 characters' }) DEMO_PASSWORD = 'allmende-demo';

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';

  @IsOptional() @IsString() @MaxLength(255) SMTP_HOST?: string;
  @IsOptional() @Transform(toInt) @IsInt({ message: 'must be a whole number' }) @Min(1) @Max(65535) SMTP_PORT?: number;
  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'must be true or false' }) SMTP_SECURE?: boolean;
  @IsOptional() @IsString() SMTP_USER?: string;
  @IsOptional() @IsString() SMTP_PASSWORD?: string;
  @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' }) SMTP_FROM?: string;

  /** Report the SQL statements of each request in the `x-sql-statements` header (benchmarks). */
  @Transform(toBool) @IsBoolean({ message: 'must be true or false' }) SQL_STATEMENT_HEADER = false;

  /**
   * Connections the API keeps to PostgreSQL; by default two per core and one more. More
   * only makes the database switch between busy backends (on 2 cores card moves: 5
   * connections about 780/s, 10 about 730/s, 20 fewer; ADR 7).
   */
  @Transform(toInt) @IsInt({ message: 'must be a whole number' }) @Min(2) @Max(200) DATABASE_POOL_SIZE = availableParallelism() * 2 + 1;

  /** How often the background jobs (documents mailed before meetings) look for due work; 0 turns them off. */
  @Transform(toInt) @IsInt({ message: 'must be a whole number' }) @Min(0) JOB_INTERVAL_MS = 60_000;

  /** The research dashboard's roll-up is refreshed at most this often when new events exist. */
  @Transform(toInt) @IsInt({ message: 'must be a whole number' }) @Min(0) RESEARCH_REFRESH_SECONDS = 60;

  /** Comma-separated origins allowed for browsers and WebSockets besides PUBLIC_URL. */
  @IsOptional() @IsString() CORS_ORIGINS?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const ENV_KEYS = [
  'NODE_ENV', 'PORT', 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'PUBLIC_URL', 'DATA_DIR', 'EMBEDDED_PG_PORT',
  'WEB_DIST', 'DEMO_DATA', 'DEMO_PASSWORD', 'LOG_LEVEL', 'SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER',
  'SMTP_PASSWORD', 'SMTP_FROM', 'CORS_ORIGINS', 'SQL_STATEMENT_HEADER', 'JOB_INTERVAL_MS', 'RESEARCH_REFRESH_SECONDS',
  'DATABASE_POOL_SIZE',
] as const satisfies readonly (keyof EnvSchema)[];

/** Parses and validates the environment; throws a ConfigError naming each bad variable. */
export function parseEnv(env: Record<string, string | undefined>): EnvSchema {
  const input: Record<string, string> = {};
  for (const key of ENV_KEYS) {
    const value = env[key];
    // an empty value counts as unset, so `PORT= npm start` keeps the default
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = plainToInstance(EnvSchema, input, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { forbidUnknownValues: false });
  if (errors.length) {
    throw new ConfigError(
      errors.map((e) => `${e.property}=${JSON.stringify(input[e.property] ?? '')}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
  if (parsed.NODE_ENV === 'production' && parsed.DATABASE_URL && !parsed.JWT_SECRET) {
    throw new ConfigError(['JWT_SECRET: is required in production when DATABASE_URL is set']);
  }
  return parsed;
}
