// Message ids: unique per stream for a user, 1-64 characters of `A-Z a-z 0-9 _ . : -`
// (docs/protocol.md#message-ids). A random per-page prefix plus a counter: a reload gets a new
// prefix, so a new message can never reuse the id of one still waiting in the outbox.

export type IdSource = () => string;

export function messageIds(prefix: string = randomPrefix()): IdSource {
  let n = 0;
  return () => `${prefix}-${(++n).toString(36)}`;
}

function randomPrefix(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
