import { HttpClient, HttpContext, HttpContextToken } from '@angular/common/http';
import { Injectable, Signal, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { AccessTokenResponse, LoginRequest, MeDto, Role } from '@allmende/contracts';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../api/api-base-url';

/** Marks a request the auth interceptor must neither retry nor use to trigger a refresh. */
export const SKIP_AUTH_RETRY = new HttpContextToken<boolean>(() => false);

const OFFICE_ROLES: readonly Role[] = ['moderator', 'admin'];

/**
 * The signed-in person. The access token lives only in memory; the refresh
 * token travels in an httpOnly cookie (path /api/auth) the browser keeps.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  readonly #http = inject(HttpClient);
  readonly #router = inject(Router);
  readonly #base = inject(API_BASE_URL);

  readonly #token = signal<string | null>(null);
  readonly #me = signal<MeDto | null>(null);
  #refreshing: Promise<boolean> | null = null;

  readonly me: Signal<MeDto | null> = this.#me.asReadonly();
  readonly isSignedIn: Signal<boolean> = computed(() => this.#me() !== null);
  readonly roles: Signal<readonly Role[]> = computed(() => this.#me()?.roles ?? []);
  readonly isOffice: Signal<boolean> = computed(() => this.roles().some((r) => OFFICE_ROLES.includes(r)));
  readonly isAdmin: Signal<boolean> = computed(() => this.roles().includes('admin'));
  readonly isResearcher: Signal<boolean> = computed(() => this.roles().includes('researcher'));

  accessToken(): string | null {
    return this.#token();
  }

  /** On app start: restore a session from the refresh cookie, silently. */
  async restoreSession(): Promise<void> {
    try {
      if (await this.refresh()) await this.reloadMe();
    } catch {
      this.clear();
    }
  }

  async login(email: string, password: string): Promise<void> {
    const body: LoginRequest = { email, password };
    const res = await firstValueFrom(
      this.#http.post<AccessTokenResponse>(`${this.#base}/api/auth/login`, body, { context: skipRetry() }),
    );
    this.#token.set(res.accessToken);
    try {
      await this.reloadMe();
    } catch (e) {
      this.clear();
      throw e;
    }
  }

  async reloadMe(): Promise<void> {
    const me = await firstValueFrom(this.#http.get<MeDto>(`${this.#base}/api/me`));
    this.#me.set(me);
  }

  /** Replace the cached profile with a fresh copy the API returned (e.g. after PATCH /api/me). */
  setMe(me: MeDto): void {
    this.#me.set(me);
  }

  /**
   * Exchange the refresh cookie for a new access token. Concurrent callers share one
   * request. Resolves to false (and forgets the session) when it fails.
   */
  refresh(): Promise<boolean> {
    this.#refreshing ??= firstValueFrom(
      this.#http.post<AccessTokenResponse>(`${this.#base}/api/auth/refresh`, null, { context: skipRetry() }),
    )
      .then((res) => {
        this.#token.set(res.accessToken);
        return true;
      })
      .catch(() => {
        this.clear();
        return false;
      })
      .finally(() => {
        this.#refreshing = null;
      });
    return this.#refreshing;
  }

  /** Ends the session at the API, forgets it here and goes to the start page. */
  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.#http.post<void>(`${this.#base}/api/auth/logout`, null, { context: skipRetry() }));
    } catch {
      // the local session ends regardless
    }
    this.clear();
    // `/` shows the personal start page to signed-in persons only: match the routes again even when already there
    await this.#router.navigateByUrl('/', { onSameUrlNavigation: 'reload' });
  }

  /** Forget the session locally (token and profile), without calling the API. */
  clear(): void {
    this.#token.set(null);
    this.#me.set(null);
  }
}

function skipRetry(): HttpContext {
  return new HttpContext().set(SKIP_AUTH_RETRY, true);
}
