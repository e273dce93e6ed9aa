// The client's pages, matched on the History API (no library). The same paths are in the server's
// WebClient.PAGES, which answers each with index.html: change both together.

export type Route =
  | { name: 'home' }
  | { name: 'signin'; next: string | null }
  | { name: 'signup'; next: string | null }
  | { name: 'campaigns' }
  | { name: 'campaign'; id: string }
  | { name: 'invite'; code: string }
  | { name: 'play'; sessionId: string }
  | { name: 'notFound'; path: string };

/** The server's page patterns, in WebClient.PAGES order (a test compares them). */
export const PAGES = ['/', '/signin', '/signup', '/campaigns', '/campaigns/{id}', '/invite/{code}', '/play/{sessionId}'] as const;

function segment(value: string): string | null {
  if (value.length === 0) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** The route of a path and query string (`location.pathname`, `location.search`). */
export function matchRoute(pathname: string, search = ''): Route {
  const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  const parts = path.split('/').slice(1);
  const next = safeNext(new URLSearchParams(search).get('next'));
  if (path === '/') return { name: 'home' };
  if (path === '/signin') return { name: 'signin', next };
  if (path === '/signup') return { name: 'signup', next };
  if (path === '/campaigns') return { name: 'campaigns' };
  if (parts.length === 2) {
    const value = segment(parts[1] ?? '');
    if (value !== null) {
      if (parts[0] === 'campaigns') return { name: 'campaign', id: value };
      if (parts[0] === 'invite') return { name: 'invite', code: value };
      if (parts[0] === 'play') return { name: 'play', sessionId: value };
    }
  }
  return { name: 'notFound', path: pathname };
}

/** A return path only if it stays on this site (`/x`, never `//host` or `https://…`). */
export function safeNext(next: string | null): string | null {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  return next;
}

/** The sign-in page that returns to `returnTo` afterwards (none for pages that need no return). */
export function signInPath(returnTo: string, page: '/signin' | '/signup' = '/signin'): string {
  const next = safeNext(returnTo);
  if (next === null || next === '/' || next.startsWith('/signin') || next.startsWith('/signup')) return page;
  return `${page}?next=${encodeURIComponent(next)}`;
}

export function campaignPath(id: string): string {
  return `/campaigns/${encodeURIComponent(id)}`;
}

export function playPath(sessionId: string): string {
  return `/play/${encodeURIComponent(sessionId)}`;
}

export function invitePath(code: string): string {
  return `/invite/${encodeURIComponent(code)}`;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Calls `listener` after every navigation (links, back and forward); returns the unsubscribe. */
export function onNavigate(listener: Listener): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}

/** Goes to `path` on this site without a reload. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const current = location.pathname + location.search;
  if (options.replace) history.replaceState(null, '', path);
  else if (path !== current) history.pushState(null, '', path);
  notify();
}

/**
 * A document click handler: a plain left click on a link to one of our pages navigates without a
 * reload; everything else (new tab, download, another site, /api) is left to the browser.
 */
export function interceptLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const target = event.target instanceof Element ? event.target.closest('a') : null;
  if (!target || !target.hasAttribute('href') || target.hasAttribute('download')) return;
  if (target.target && target.target !== '_self') return;
  const url = new URL(target.href, location.href);
  if (url.origin !== location.origin) return;
  if (matchRoute(url.pathname).name === 'notFound') return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}
