// Typed text that must survive a trip to the sign-in page (an expired sign-in, a reload): kept in
// sessionStorage per form and field, for this tab only. Never passwords.

const PREFIX = 'hearth:draft:';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function loadDraft(key: string): string {
  return storage()?.getItem(PREFIX + key) ?? '';
}

export function saveDraft(key: string, value: string): void {
  const store = storage();
  if (!store) return;
  try {
    if (value.length === 0) store.removeItem(PREFIX + key);
    else store.setItem(PREFIX + key, value);
  } catch {
    // Storage full or refused: the draft is only a convenience.
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(PREFIX + key);
}
