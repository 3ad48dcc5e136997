import { HttpParams } from '@angular/common/http';
import { ParamMap } from '@angular/router';

/** A query-parameter value when it is one of `allowed`, else null (unknown values in a URL are ignored). */
export function readOption<T extends string>(params: ParamMap, key: string, allowed: readonly T[]): T | null {
  const value = params.get(key);
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** A positive integer query parameter, or `fallback` when missing or malformed. */
export function readPositiveInt(params: ParamMap, key: string, fallback: number, max = 10_000): number {
  const raw = params.get(key);
  if (raw === null || !/^\d+$/.test(raw)) return fallback;
  const value = Number(raw);
  return value >= 1 && value <= max ? value : fallback;
}

/** Trimmed text parameter (max. 100 characters, as the API accepts), '' when missing. */
export function readText(params: ParamMap, key: string): string {
  return (params.get(key) ?? '').trim().slice(0, 100);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readUuid(params: ParamMap, key: string): string | null {
  const value = params.get(key);
  return value && UUID.test(value) ? value : null;
}

/** Drops empty values (null, undefined, ''), so URLs and requests only carry what is set. */
export function compactParams(values: Record<string, string | number | null | undefined>): Record<string, string | number> {
  const result: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') result[key] = value;
  }
  return result;
}

/** HttpParams from a query object, without empty values. */
export function toHttpParams(values: object): HttpParams {
  return new HttpParams({ fromObject: compactParams(values as Record<string, string | number | null | undefined>) });
}
