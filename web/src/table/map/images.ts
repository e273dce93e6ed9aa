// The session's images (issue-9 contract, "Images"): uploads as the raw body with the file's
// Content-Type, and downloads with the bearer token (an <img src> could not send it), shown
// through object URLs that live as long as the table page.
import { isHearthError, type HearthError } from '../../lib/errors';
import type { TokenSource } from '../../lib/tokens';
import type { ImageRef } from './map-view';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

export class ImageStore {
  private readonly urls = new Map<string, Promise<string>>();

  constructor(
    private readonly sessionId: string,
    private readonly tokens: TokenSource,
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
  ) {}

  private get base(): string {
    return `/api/sessions/${encodeURIComponent(this.sessionId)}/images`;
  }

  /** Stores an image; rejects with the server's error (E007 not an image or too many pixels, E003 over 10 MB, E011 not GM). */
  async upload(file: Blob): Promise<ImageRef> {
    const headers = await this.headers();
    headers.set('Content-Type', file.type || 'application/octet-stream');
    const res = await this.send(this.base, { method: 'POST', body: file, headers });
    const body = (await res.json().catch(() => null)) as Partial<ImageRef> | HearthError | null;
    if (!res.ok) throw errorOf(res, body);
    const ref = body as ImageRef;
    return { hash: String(ref.hash), width: Number(ref.width), height: Number(ref.height) };
  }

  /** An object URL of a stored image, fetched once per page. */
  url(hash: string): Promise<string> {
    let url = this.urls.get(hash);
    if (!url) {
      url = this.download(hash);
      url.catch(() => this.urls.delete(hash)); // try again next time
      this.urls.set(hash, url);
    }
    return url;
  }

  /** Frees every object URL (the table page is gone). */
  dispose(): void {
    for (const url of this.urls.values()) void url.then((u) => URL.revokeObjectURL(u), () => undefined);
    this.urls.clear();
  }

  private async download(hash: string): Promise<string> {
    const res = await this.send(`${this.base}/${encodeURIComponent(hash)}`, { headers: await this.headers() });
    if (!res.ok) throw errorOf(res, await res.json().catch(() => null));
    return URL.createObjectURL(await res.blob());
  }

  private async headers(): Promise<Headers> {
    const headers = new Headers();
    const token = await this.tokens.accessToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return headers;
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetchFn(url, { ...init, credentials: 'same-origin' });
    } catch {
      throw { code: 'E001', message: '' } satisfies HearthError;
    }
  }
}

function errorOf(res: Response, body: unknown): HearthError {
  if (isHearthError(body)) return body;
  return { code: res.status === 413 ? 'E003' : res.status === 403 ? 'E011' : 'E009', message: '' };
}

/** An HTMLImageElement of an image, once loaded (for the canvas). */
export function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('image did not load'));
    img.src = url;
  });
}
