// Words and dates as people read them.

import type { Role } from './api/campaigns';

const ROLE_LABELS: Record<Role, string> = { gm: 'GM', player: 'player', spectator: 'spectator' };

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

export function dateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
