import { describe, expect, it, vi } from 'vitest';
import { humanMessage } from '../errors';
import { ApiError, HearthClient, readCookie, toHearthError, type ClientOptions } from './client';
import { acceptInvite, inviteProblem } from './campaigns';

type Call = { method: string; path: string; headers: Record<string, string>; body: unknown };

const account = { id: 'u1', username: 'ada', displayName: 'Ada', createdAt: '2026-01-01T00:00:00Z' };

function signIn(token: string, csrf = 'csrf-1', expiresIn = 900) {
  return { status: 200, body: { accessToken: token, tokenType: 'Bearer', expiresIn, csrfToken: csrf, account } };
}

function json(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A fake server: each handler answers one request in order of arrival, and every call is recorded. */
function fakeServer(...answers: Array<{ status: number; body?: unknown; headers?: Record<string, string> } | Error>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      method: init?.method ?? 'GET',
      path: String(input),
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected request ${init?.method} ${String(input)}`);
    if (answer instanceof Error) throw answer;
    return json(answer.status, answer.body, answer.headers);
  });
  return { calls, fetch: fetch as unknown as typeof globalThis.fetch };
}

function client(fetch: typeof globalThis.fetch, options: ClientOptions = {}) {
  return new HearthClient({ fetch, cookies: () => '', schedule: () => () => undefined, exclusive: (run) => run(), ...options });
}

const E002 = { status: 401, body: { code: 'E002', message: 'token expired' } };

describe('sign-in', () => {
  it('logs in, then sends the access token as Bearer', async () => {
    const server = fakeServer(signIn('tok-1'), { status: 200, body: { campaigns: [] } });
    const api = client(server.fetch);
    await api.login('ada', 'correct horse');
    await api.request('GET', '/api/campaigns');
    expect(server.calls[0]).toMatchObject({ method: 'POST', path: '/api/auth/login', body: { username: 'ada', password: 'correct horse' } });
    expect(server.calls[1]?.headers.Authorization).toBe('Bearer tok-1');
    expect(api.state).toEqual({ kind: 'signedIn', account });
    expect(api.user).toEqual({ userId: 'u1', displayName: 'Ada' });
  });

  it('registers with the three fields of docs/api.md', async () => {
    const server = fakeServer({ ...signIn('tok-1'), status: 201 });
    await client(server.fetch).register('ada', 'Ada', 'correct horse');
    expect(server.calls[0]).toMatchObject({ path: '/api/auth/register', body: { username: 'ada', displayName: 'Ada', password: 'correct horse' } });
  });

  it('on a 401 refreshes with the CSRF cookie and retries once', async () => {
    const server = fakeServer(signIn('tok-1', 'csrf-login'), E002, signIn('tok-2', 'csrf-2'), { status: 200, body: { ok: 1 } });
    const api = client(server.fetch, { cookies: () => 'other=1; hearth_csrf=csrf-cookie' });
    await api.login('ada', 'pw-pw-pw-pw');
    await expect(api.request('GET', '/api/campaigns')).resolves.toEqual({ ok: 1 });
    const [, first, refresh, retry] = server.calls;
    expect(first?.headers.Authorization).toBe('Bearer tok-1');
    expect(refresh).toMatchObject({ method: 'POST', path: '/api/auth/refresh' });
    expect(refresh?.headers['X-CSRF-Token']).toBe('csrf-cookie');
    expect(refresh?.headers.Authorization).toBeUndefined();
    expect(retry?.headers.Authorization).toBe('Bearer tok-2');
  });

  it('uses the csrfToken of the login answer when the cookie cannot be read', async () => {
    const server = fakeServer(signIn('tok-1', 'csrf-login'), E002, signIn('tok-2'), { status: 204 });
    const api = client(server.fetch);
    await api.login('ada', 'pw-pw-pw-pw');
    await api.request('DELETE', '/api/campaigns/x');
    expect(server.calls[2]?.headers['X-CSRF-Token']).toBe('csrf-login');
  });

  it('does not retry twice: a second 401 signs out, keeping nothing', async () => {
    const server = fakeServer(signIn('tok-1'), E002, signIn('tok-2'), E002);
    const api = client(server.fetch);
    const states: string[] = [];
    api.subscribe((s) => states.push(s.kind));
    await api.login('ada', 'pw-pw-pw-pw');
    const failure = await api.request('GET', '/api/campaigns').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(server.calls).toHaveLength(4);
    expect(api.state).toEqual({ kind: 'signedOut', expired: true });
    expect(states.at(-1)).toBe('signedOut');
    expect(await api.accessToken()).toBeNull();
  });

  it('signs out when the refresh itself is refused', async () => {
    const server = fakeServer(signIn('tok-1'), E002, E002);
    const api = client(server.fetch);
    await api.login('ada', 'pw-pw-pw-pw');
    await expect(api.request('GET', '/api/campaigns')).rejects.toMatchObject({ error: { code: 'E002' } });
    expect(server.calls).toHaveLength(3);
    expect(api.state.kind).toBe('signedOut');
  });

  it('signs out when the refresh is refused for a missing CSRF cookie (signed out in another tab)', async () => {
    const server = fakeServer(signIn('tok-1'), E002, { status: 403, body: { code: 'E002', message: 'CSRF token missing' } });
    const api = client(server.fetch);
    await api.login('ada', 'pw-pw-pw-pw');
    await expect(api.request('GET', '/api/campaigns')).rejects.toMatchObject({ error: { code: 'E002' } });
    expect(api.state.kind).toBe('signedOut');
  });

  it('shares one refresh between concurrent 401s', async () => {
    const server = fakeServer(signIn('tok-1'), E002, E002, signIn('tok-2'), { status: 200, body: 1 }, { status: 200, body: 2 });
    const api = client(server.fetch);
    await api.login('ada', 'pw-pw-pw-pw');
    const results = await Promise.all([api.request('GET', '/a'), api.request('GET', '/b')]);
    expect(results.sort()).toEqual([1, 2]);
    expect(server.calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('refreshes shortly before the access token expires', async () => {
    let now = 1_000_000;
    const scheduled: Array<{ run: () => void; delay: number }> = [];
    const server = fakeServer(signIn('tok-1', 'c', 900), signIn('tok-2', 'c', 900), { status: 200, body: {} });
    const api = client(server.fetch, { now: () => now, schedule: (run, delay) => (scheduled.push({ run, delay }), () => undefined) });
    await api.login('ada', 'pw-pw-pw-pw');
    expect(scheduled[0]?.delay).toBe(840_000);
    now += 880_000; // 20 s before expiry: accessToken() renews before using it
    expect(await api.accessToken()).toBe('tok-2');
    await api.request('GET', '/api/me');
    expect(server.calls[2]?.headers.Authorization).toBe('Bearer tok-2');
  });

  it('restores the sign-in on page load from the refresh cookie', async () => {
    const server = fakeServer(signIn('tok-9'));
    const api = client(server.fetch, { cookies: () => 'hearth_csrf=abc' });
    expect(await api.start()).toEqual({ kind: 'signedIn', account });
    expect(server.calls[0]?.headers['X-CSRF-Token']).toBe('abc');
  });

  it('starts signed out without a cookie when /api/me wants a token', async () => {
    const server = fakeServer(E002);
    expect(await client(server.fetch).start()).toEqual({ kind: 'signedOut', expired: false });
    expect(server.calls[0]).toMatchObject({ method: 'GET', path: '/api/me' });
  });

  it('logs out with the CSRF header and forgets the token even if the server fails', async () => {
    const server = fakeServer(signIn('tok-1'), { status: 500, body: 'oops' });
    const api = client(server.fetch, { cookies: () => 'hearth_csrf=zz' });
    await api.login('ada', 'pw-pw-pw-pw');
    await api.logout();
    expect(server.calls[1]).toMatchObject({ method: 'POST', path: '/api/auth/logout' });
    expect(server.calls[1]?.headers['X-CSRF-Token']).toBe('zz');
    expect(api.state.kind).toBe('signedOut');
  });
});

describe('local mode', () => {
  it('is detected when /api/me answers without a token, and then sends no token', async () => {
    const server = fakeServer({ status: 200, body: account }, { status: 200, body: { campaigns: [] } });
    const api = client(server.fetch);
    expect(await api.start()).toEqual({ kind: 'local', account });
    await api.request('GET', '/api/campaigns');
    expect(server.calls[1]?.headers.Authorization).toBeUndefined();
    expect(await api.accessToken()).toBeNull();
  });

  it('is detected when the refresh route answers E014', async () => {
    const server = fakeServer({ status: 403, body: { code: 'E014', message: 'local mode' } }, { status: 200, body: account });
    const api = client(server.fetch, { cookies: () => 'hearth_csrf=old' });
    expect((await api.start()).kind).toBe('local');
  });

  it('never signs out on a 401', async () => {
    const server = fakeServer({ status: 200, body: account }, E002);
    const api = client(server.fetch);
    await api.start();
    await expect(api.request('GET', '/api/campaigns')).rejects.toBeInstanceOf(ApiError);
    api.signedOut();
    expect(api.state.kind).toBe('local');
    expect(server.calls).toHaveLength(2);
  });
});

describe('errors', () => {
  it('maps every failure to a human sentence, never a code or a body', async () => {
    const server = fakeServer(
      { status: 409, body: { code: 'E010', message: 'The username "ada" is taken.' } },
      { status: 502, body: '<html>Bad gateway</html>' },
      new TypeError('Failed to fetch'),
      { status: 429, body: { code: 'E004', message: 'too many' }, headers: { 'Retry-After': '3' } },
    );
    const api = client(server.fetch);
    const sentences: string[] = [];
    for (let i = 0; i < 4; i++) {
      sentences.push(humanMessage(toHearthError(await api.login('ada', 'x').catch((e: unknown) => e))));
    }
    expect(sentences[0]).toBe('The username "ada" is taken.');
    expect(sentences[1]).toMatch(/went wrong inside Hearth/);
    expect(sentences[2]).toMatch(/connection/);
    expect(sentences[3]).toMatch(/Slow down.*about 3 s/);
    for (const s of sentences) expect(s).not.toMatch(/E0\d\d|<html>|Error:/);
  });

  it('says why an invite cannot be used', async () => {
    const server = fakeServer({ status: 410, body: { code: 'E013', message: 'gone', details: { reason: 'exhausted' } } });
    const api = client(server.fetch);
    const error = toHearthError(await acceptInvite(api, 'abc').catch((e: unknown) => e));
    expect(server.calls[0]).toMatchObject({ method: 'POST', path: '/api/invites/abc/accept' });
    expect(inviteProblem(error.code, error.details?.reason)).toMatch(/used up/);
    expect(inviteProblem('E013', 'expired')).toMatch(/expired/);
    expect(inviteProblem('E013', 'revoked')).toMatch(/revoked/);
    expect(inviteProblem('E013', 'unknown')).toMatch(/not valid/);
    expect(inviteProblem('E011', 'banned')).toMatch(/banned/);
    expect(inviteProblem('E007', undefined)).toBeNull();
  });

  it('reads cookies by exact name', () => {
    expect(readCookie('a_hearth_csrf=1; hearth_csrf=two%3D; x=y', 'hearth_csrf')).toBe('two=');
    expect(readCookie('', 'hearth_csrf')).toBeNull();
  });
});
