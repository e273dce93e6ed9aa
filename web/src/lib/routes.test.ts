import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { interceptLinkClick, matchRoute, navigate, onNavigate, PAGES, safeNext, signInPath } from './routes';

describe('matchRoute', () => {
  it('matches every page of the server', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/signin')).toEqual({ name: 'signin', next: null });
    expect(matchRoute('/signup', '?next=%2Finvite%2Fabc')).toEqual({ name: 'signup', next: '/invite/abc' });
    expect(matchRoute('/campaigns')).toEqual({ name: 'campaigns' });
    expect(matchRoute('/campaigns/0b5e')).toEqual({ name: 'campaign', id: '0b5e' });
    expect(matchRoute('/invite/a-b_c')).toEqual({ name: 'invite', code: 'a-b_c' });
    expect(matchRoute('/play/s1')).toEqual({ name: 'play', sessionId: 's1' });
  });

  it('ignores one trailing slash', () => {
    expect(matchRoute('/campaigns/')).toEqual({ name: 'campaigns' });
  });

  it('answers not found for anything else', () => {
    for (const path of ['/nope', '/campaigns/a/b', '/invite/', '/play', '/api/me', '/campaigns/%E0%A4%A']) {
      expect(matchRoute(path).name, path).toBe('notFound');
    }
  });

  it('lists the same pages as the server', () => {
    const java = readFileSync('../server/src/main/java/dev/hearth/server/web/WebClient.java', 'utf8');
    const block = /PAGES = List\.of\(([^)]*)\)/s.exec(java)?.[1] ?? '';
    const serverPages = [...block.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    expect(serverPages).toEqual([...PAGES]);
  });
});

describe('return paths', () => {
  it('keeps only paths on this site', () => {
    expect(safeNext('/invite/x')).toBe('/invite/x');
    expect(safeNext('//evil.example/x')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(matchRoute('/signin', '?next=https%3A%2F%2Fevil.example')).toEqual({ name: 'signin', next: null });
  });

  it('returns to the page that needed the sign-in', () => {
    expect(signInPath('/invite/abc')).toBe('/signin?next=%2Finvite%2Fabc');
    expect(signInPath('/campaigns/1', '/signup')).toBe('/signup?next=%2Fcampaigns%2F1');
    expect(signInPath('/')).toBe('/signin');
    expect(signInPath('/signin?next=%2Fx')).toBe('/signin');
  });
});

describe('navigation', () => {
  afterEach(() => {
    history.replaceState(null, '', '/');
    document.body.innerHTML = '';
  });

  it('pushes the path and tells listeners', () => {
    const seen: string[] = [];
    const stop = onNavigate(() => seen.push(location.pathname));
    navigate('/campaigns');
    navigate('/campaigns/7', { replace: true });
    stop();
    navigate('/signin');
    expect(seen).toEqual(['/campaigns', '/campaigns/7']);
  });

  it('follows a left click on an internal link without a reload', () => {
    document.body.innerHTML = '<a id="in" href="/campaigns/9">x</a><a id="out" href="https://example.com/">y</a><a id="api" href="/api/openapi.json">z</a>';
    const listener = vi.fn();
    const stop = onNavigate(listener);
    const click = (id: string, init: MouseEventInit = {}) => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init });
      document.getElementById(id)!.addEventListener('click', (e) => interceptLinkClick(e as MouseEvent), { once: true });
      document.getElementById(id)!.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(click('in')).toBe(true);
    expect(location.pathname).toBe('/campaigns/9');
    expect(click('out')).toBe(false);
    expect(click('api')).toBe(false);
    expect(click('in', { ctrlKey: true })).toBe(false);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });
});
