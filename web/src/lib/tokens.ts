// What the live table needs from the signed-in session: who the user is and a fresh access token.
// The auth module (src/lib/api) provides it; the real-time client (src/lib/realtime) consumes it.

export interface CurrentUser {
  userId: string;
  displayName: string;
}

export interface TokenSource {
  /** A valid access token (refreshed when near expiry), or null in local mode (no tokens). */
  accessToken(): Promise<string | null>;
  /** Called when the server said the sign-in ended: the app leads back to sign-in, keeping typed text. */
  signedOut(): void;
}
