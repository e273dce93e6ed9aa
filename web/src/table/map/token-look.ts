// What a token shows beside itself: its initials and colour when it has no image, and, when it is
// linked to a combatant of the encounter, the HP bar and condition badges (as the initiative
// tracker shows them to this member: a player sees a monster's descriptor, not its HP).
import type { EncounterView, HitPoints } from '../combat/encounter';
import type { Token } from './map-view';

export interface TokenLook {
  hp?: HitPoints;
  /** The descriptor when HP is not shown: healthy, bloodied, down, … */
  health?: string;
  conditions: string[];
}

export function lookOf(token: Token, encounter: EncounterView | null): TokenLook | null {
  if (!token.combatantId || !encounter) return null;
  const c = [...encounter.order, ...encounter.delaying].find((x) => x.id === token.combatantId);
  const m = c?.members[0];
  if (!m) return null;
  return { hp: m.hp, health: m.hp ? undefined : m.health, conditions: m.conditions.map((a) => a.condition) };
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]!][0] ?? '';
  const second = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : ([...words[0]!][1] ?? '');
  return (first + second).toUpperCase();
}

/** A stable colour per token id: one of a few that take white initials at AA contrast. */
const COLOURS = ['#1f6feb', '#8250df', '#bf3989', '#cf222e', '#9a6700', '#1a7f37', '#0969da', '#6e7781'];
export function colourOf(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return COLOURS[Math.abs(h) % COLOURS.length]!;
}

/** The HP bar's colour by the share left. */
export function hpColour(hp: HitPoints): string {
  const share = hp.max > 0 ? hp.current / hp.max : 0;
  return share > 0.5 ? '#2da44e' : share > 0.25 ? '#d4a72c' : '#cf222e';
}

/** A token's words for the list and the screen-reader summary. */
export function tokenWords(token: Token, look: TokenLook | null): string {
  const parts: string[] = [];
  if (look?.hp) parts.push(`HP ${look.hp.current}/${look.hp.max}`);
  else if (look?.health) parts.push(look.health[0]!.toUpperCase() + look.health.slice(1));
  for (const c of look?.conditions ?? []) parts.push(c[0]!.toUpperCase() + c.slice(1));
  if (token.hidden) parts.push('Hidden');
  if (token.layer === 'gm') parts.push('GM layer');
  if (token.layer === 'map') parts.push('Map layer');
  if (token.locked) parts.push('Locked');
  return parts.join(', ');
}
