// The one way the client talks to Hearth's HTTP API (docs/api.md): JSON in and out, the one error
// shape, and the sign-in. The access token lives in this object only (never in storage); the
// refresh token is the HttpOnly `hearth_refresh` cookie, renewed with the `hearth_csrf` cookie
// repeated in `X-CSRF-Token`. In local mode (`hearth serve --local`) there is no sign-in at all.

import { isHearthError, type HearthError } from '../errors';
import type { CurrentUser, TokenSource } from '../tokens';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  createdAt: string;
}

interface SignInAnswer {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  csrfToken: string;
  account: Account;
}

export type AuthState =
  | { kind: 'loading' }
  | { kind: 'signedOut'; expired: boolean }
  | { kind: 'signedIn'; account: Account }
  | { kind: 'local'; account: Account };

/** A refused or failed request, carrying Hearth's error shape; show it with `humanMessage`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: HearthError,
  ) {
    super(`${error.code}: ${error.message}`);
    this.name = 'ApiError';
  }
}

export function toHearthError(thrown: unknown): HearthError {
  if (thrown instanceof ApiError) return thrown.error;
  if (isHearthError(thrown)) return thrown;
  return { code: 'E009', message: 'unexpected client error' };
}

export interface ClientOptions {
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; tests fix it. */
  now?: () => number;
  /** `document.cookie`; tests fake it. */
  cookies?: () => string;
  /** Schedules the proactive refresh; returns its cancel. Tests may pass one that never fires. */
  schedule?: (run: () => void, delayMs: number) => () => void;
  /** Serializes refreshes across tabs: two tabs presenting one refresh token would end the sign-in. */
  exclusive?: <T>(run: () => Promise<T>) => Promise<T>;
}

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;
const LOCK_NAME = 'hearth-auth-refresh';

function browserExclusive<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request(LOCK_NAME, run) as Promise<T>) : run();
}

function defaultSchedule(run: () => void, delayMs: number): () => void {
  const id = setTimeout(run, Math.max(0, delayMs));
  return () => clearTimeout(id);
}

export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export class HearthClient implements TokenSource {
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  private readonly cookies: () => string;
  private readonly schedule: (run: () => void, delayMs: number) => () => void;
  private readonly exclusive: <T>(run: () => Promise<T>) => Promise<T>;

  private token: string | null = null;
  private expiresAt = 0;
  private csrf: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private cancelTimer: (() => void) | null = null;
  private current: AuthState = { kind: 'loading' };
  private readonly listeners = new Set<(state: AuthState) => void>();

  constructor(options: ClientOptions = {}) {
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
    this.cookies = options.cookies ?? (() => (typeof document === 'undefined' ? '' : document.cookie));
    this.schedule = options.schedule ?? defaultSchedule;
    this.exclusive = options.exclusive ?? browserExclusive;
  }

  get state(): AuthState {
    return this.current;
  }

  /** The signed-in (or local) user, as the live table wants it. */
  get user(): CurrentUser | null {
    const state = this.current;
    if (state.kind !== 'signedIn' && state.kind !== 'local') return null;
    return { userId: state.account.id, displayName: state.account.displayName };
  }

  /** Calls `listener` on every change of the sign-in state; returns the unsubscribe. */
  subscribe(listener: (state: AuthState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setState(state: AuthState): void {
    this.current = state;
    for (const listener of [...this.listeners]) listener(state);
  }

  /**
   * On page load: restore the sign-in from the refresh cookie, or find out that this server runs in
   * local mode (its `/api/me` answers without a token, and its auth routes answer E014).
   */
  async start(): Promise<AuthState> {
    if (readCookie(this.cookies(), 'hearth_csrf') !== null) {
      try {
        await this.refreshNow();
        return this.current;
      } catch (thrown) {
        // E014: local mode, confirmed below; another refusal: a stale cookie, so signed out.
        if (!(thrown instanceof ApiError)) throw thrown;
      }
    }
    try {
      const me = await this.send<Account>('GET', '/api/me', undefined, null);
      this.setState({ kind: 'local', account: me });
    } catch (thrown) {
      if (thrown instanceof ApiError && thrown.status === 401) this.setState({ kind: 'signedOut', expired: false });
      else throw thrown;
    }
    return this.current;
  }

  async login(username: string, password: string): Promise<Account> {
    const answer = await this.send<SignInAnswer>('POST', '/api/auth/login', { username, password }, null);
    return this.accept(answer);
  }

  async register(username: string, displayName: string, password: string): Promise<Account> {
    const answer = await this.send<SignInAnswer>('POST', '/api/auth/register', { username, displayName, password }, null);
    return this.accept(answer);
  }

  /** Ends the sign-in on the server (its tokens stop working) and here, whatever the server said. */
  async logout(): Promise<void> {
    try {
      await this.send<void>('POST', '/api/auth/logout', undefined, null, this.csrfHeader());
    } catch {
      // The local state is cleared below either way: a failed logout must not keep anyone signed in here.
    } finally {
      this.forget();
      this.setState({ kind: 'signedOut', expired: false });
    }
  }

  // TokenSource

  async accessToken(): Promise<string | null> {
    if (this.current.kind === 'local') return null;
    if (this.token !== null && this.now() < this.expiresAt - REFRESH_MARGIN_MS / 2) return this.token;
    if (this.current.kind !== 'signedIn') return null;
    const ok = await this.refresh();
    return ok ? this.token : null;
  }

  signedOut(): void {
    if (this.current.kind === 'local') return;
    this.forget();
    this.setState({ kind: 'signedOut', expired: true });
  }

  /**
   * An API call as the current user: a 401 refreshes the access token and retries once; a second
   * 401 (or a failed refresh) means the sign-in ended, and `signedOut()` leads back to sign-in.
   */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = await this.accessToken();
    try {
      return await this.send<T>(method, path, body, token);
    } catch (thrown) {
      if (!(thrown instanceof ApiError) || thrown.status !== 401 || this.current.kind === 'local') throw thrown;
    }
    const refreshed = await this.refresh(token);
    if (!refreshed) {
      this.signedOut();
      throw new ApiError(401, { code: 'E002', message: 'sign-in ended' });
    }
    try {
      return await this.send<T>(method, path, body, this.token);
    } catch (thrown) {
      if (thrown instanceof ApiError && thrown.status === 401) this.signedOut();
      throw thrown;
    }
  }

  /**
   * Renews the access token; one refresh at a time (a refresh token presented twice ends the whole
   * sign-in). `staleToken`: the token that was refused; if another refresh replaced it meanwhile,
   * that one is used instead of refreshing again.
   */
  private refresh(staleToken?: string | null): Promise<boolean> {
    if (staleToken !== undefined && this.token !== null && this.token !== staleToken) return Promise.resolve(true);
    if (this.refreshing === null) {
      this.refreshing = this.refreshNow()
        .then(() => true)
        .catch((thrown: unknown) => {
          // 401: the refresh token is gone or spent; 403: its CSRF cookie went with it (signed out in another tab).
          if (thrown instanceof ApiError && (thrown.status === 401 || thrown.status === 403)) return false;
          throw thrown;
        })
        .finally(() => {
          this.refreshing = null;
        });
    }
    return this.refreshing;
  }

  private async refreshNow(): Promise<void> {
    const answer = await this.exclusive(() =>
      this.send<SignInAnswer>('POST', '/api/auth/refresh', undefined, null, this.csrfHeader()),
    );
    this.accept(answer);
  }

  private csrfHeader(): Record<string, string> {
    const csrf = readCookie(this.cookies(), 'hearth_csrf') ?? this.csrf;
    return csrf === null ? {} : { 'X-CSRF-Token': csrf };
  }

  private accept(answer: SignInAnswer): Account {
    this.token = answer.accessToken;
    this.expiresAt = this.now() + answer.expiresIn * 1000;
    this.csrf = answer.csrfToken;
    this.cancelTimer?.();
    this.cancelTimer = this.schedule(() => {
      void this.refresh().catch(() => undefined);
    }, answer.expiresIn * 1000 - REFRESH_MARGIN_MS);
    this.setState({ kind: 'signedIn', account: answer.account });
    return answer.account;
  }

  private forget(): void {
    this.token = null;
    this.expiresAt = 0;
    this.csrf = null;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private async send<T>(
    method: string,
    path: string,
    body: unknown,
    token: string | null,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await this.fetchFn(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, { code: 'E001', message: 'network error' });
    }
    const text = await response.text().catch(() => '');
    let parsed: unknown = undefined;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (response.ok) return parsed as T;
    if (isHearthError(parsed)) {
      const retry = response.headers.get('Retry-After');
      const error = parsed.retryAfter == null && retry !== null ? { ...parsed, retryAfter: Number(retry) } : parsed;
      throw new ApiError(response.status, error);
    }
    // Not Hearth's shape (a proxy's page, a crash): never show it; a plain sentence by status.
    const code = response.status === 401 ? 'E002' : response.status === 429 ? 'E004' : response.status === 503 ? 'E008' : 'E009';
    throw new ApiError(response.status, { code, message: `HTTP ${response.status}` });
  }
}
