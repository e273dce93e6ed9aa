// The one error shape of every Hearth answer (HTTP body, or the payload of a real-time `error`
// frame), and the sentence a person should read instead of a code. docs/operations.md#errors.

export interface HearthError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  retryAfter?: number;
}

export function isHearthError(value: unknown): value is HearthError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as HearthError).code === 'string' &&
    typeof (value as HearthError).message === 'string'
  );
}

const SENTENCES: Record<string, string> = {
  E001: 'Lost the connection to Hearth. Trying again…',
  E002: 'Your sign-in has ended. Please sign in again.',
  E003: 'That is too long to send.',
  E004: 'Slow down a little, then try again.',
  E005: 'This game session is not available to you.',
  E006: 'That could not be found. It may have been deleted.',
  E007: 'Hearth could not accept that as written.',
  E008: 'Hearth is busy right now. Your change was not saved; try again in a moment.',
  E009: 'Something went wrong inside Hearth. Try again; if it keeps happening, tell your server admin.',
  E010: 'That name is taken already.',
  E011: 'Your role in this campaign does not allow that.',
  E012: 'That changed in the meantime. Reload and try again.',
  E013: 'This invite cannot be used: it has expired, been used up or been revoked. Ask your GM for a new one.',
  E014: 'This Hearth runs in local mode: there are no accounts to manage.',
  E015: 'That message was already sent with different content.',
};

/**
 * A sentence for a person: the server's own message where it explains a rule (E007, E010, E012,
 * E013 carry specifics the user needs), else a plain sentence for the code; never a bare code.
 */
export function humanMessage(error: HearthError): string {
  const specific = ['E007', 'E010', 'E012', 'E013'].includes(error.code) && error.message.trim().length > 0;
  const sentence = specific ? error.message : (SENTENCES[error.code] ?? 'Something went wrong. Try again.');
  if (error.retryAfter && error.retryAfter > 0 && error.code === 'E004') {
    return `${sentence} (about ${Math.ceil(error.retryAfter)} s)`;
  }
  return sentence;
}
