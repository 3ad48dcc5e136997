import { Injectable } from '@nestjs/common';

export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_WINDOW_MS = 60_000;

/**
 * Counts failed logins per client address and per e-mail in a sliding minute;
 * after ten failures further attempts are refused (429) until the window passes.
 * In memory per instance: behind the proxy each address sticks to one instance.
 */
@Injectable()
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  isBlocked(keys: string[], now = Date.now()): boolean {
    return keys.some((k) => this.recent(k, now).length >= LOGIN_FAILURE_LIMIT);
  }

  recordFailure(keys: string[], now = Date.now()): void {
    for (const k of keys) this.failures.set(k, [...this.recent(k, now), now]);
    if (this.failures.size > 50_000) this.prune(now);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < LOGIN_WINDOW_MS);
  }

  private prune(now: number): void {
    for (const [k, times] of this.failures) if (!times.some((t) => now - t < LOGIN_WINDOW_MS)) this.failures.delete(k);
  }
}
