// The session's images (issue-9 contract, "Images"): uploads as the raw body with the file's
// Content-Type, and downloads with the bearer token (an <img src> could not send it), shown
// through object URLs that live as long as the table page.
import { BearerFetch } from './bearer-fetch';
import { humanMessage, isHearthError } from '../../lib/errors';
import type { TokenSource } from '../../lib/tokens';
import type { ImageRef } from './map-view';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

export class ImageStore {
  private readonly urls = new Map<string, Promise<string>>();
  private readonly http: BearerFetch;

  constructor(
    private readonly sessionId: string,
    tokens: TokenSource,
    fetchFn?: typeof fetch,
  ) {
    this.http = new BearerFetch(tokens, fetchFn);
  }

  private get base(): string {
    return `/api/sessions/${encodeURIComponent(this.sessionId)}/images`;
  }

  /** Stores an image; rejects with the server's error (E007 not an image or too many pixels, E003 over 10 MB, E011 not GM). */
  async upload(file: Blob): Promise<ImageRef> {
    const res = await this.http.ok(this.base, {
      method: 'POST',
      body: file,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    });
    const ref = (await res.json()) as ImageRef;
    return { hash: String(ref.hash), width: Number(ref.width), height: Number(ref.height) };
  }

  /**
   * The file a form's file input chose, uploaded: the image, or what to tell the user (empty when
   * nothing was chosen or all went well). Never rejects.
   */
  async uploadChosen(file: File | undefined): Promise<{ image?: ImageRef; problem: string }> {
    if (!file) return { problem: '' };
    try {
      return { image: await this.upload(file), problem: '' };
    } catch (thrown) {
      const error = isHearthError(thrown) ? thrown : { code: 'E009', message: '' };
      return { problem: `Not uploaded: ${error.message.trim() || humanMessage(error)}` };
    }
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
    const res = await this.http.ok(`${this.base}/${encodeURIComponent(hash)}`);
    return URL.createObjectURL(await res.blob());
  }
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
