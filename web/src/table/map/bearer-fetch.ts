// fetch with the page's bearer token, for the map's calls that are not JSON requests through
// HearthClient (image bytes) or that read another session (scene imports). Failures reject with
// the one error shape.
import { isHearthError, type HearthError } from '../../lib/errors';
import type { TokenSource } from '../../lib/tokens';

export class BearerFetch {
  constructor(
    private readonly tokens: TokenSource,
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** The response, if 2xx; else rejects with the server's error. */
  async ok(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const token = await this.tokens.accessToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    let res: Response;
    try {
      res = await this.fetchFn(url, { ...init, headers, credentials: 'same-origin' });
    } catch {
      throw { code: 'E001', message: '' } satisfies HearthError;
    }
    if (!res.ok) throw errorOf(res, await res.json().catch(() => null));
    return res;
  }

  async json<T>(url: string): Promise<T> {
    return (await (await this.ok(url)).json()) as T;
  }
}

function errorOf(res: Response, body: unknown): HearthError {
  if (isHearthError(body)) return body;
  return { code: res.status === 413 ? 'E003' : res.status === 403 ? 'E011' : 'E009', message: '' };
}
