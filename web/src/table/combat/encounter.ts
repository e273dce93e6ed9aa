// The encounter as the server shows it to one member (core's `EncounterView` as JSON: records as
// objects with the component names, enums as lower-case strings, Optional absent or null), read
// defensively into these types, and what the initiative tracker shows of it: pure functions, so
// that they are tested without a browser.

export type CombatantKind = 'pc' | 'npc' | 'monster_group';
export type Health = 'healthy' | 'injured' | 'bloodied' | 'critical' | 'down' | 'dead';
export type TurnBoundary = 'start' | 'end';
export type Ability = 'strength' | 'dexterity' | 'constitution' | 'intelligence' | 'wisdom' | 'charisma';

export const CONDITIONS = [
  'blinded',
  'charmed',
  'deafened',
  'frightened',
  'grappled',
  'incapacitated',
  'invisible',
  'paralyzed',
  'petrified',
  'poisoned',
  'prone',
  'restrained',
  'stunned',
  'unconscious',
] as const;
export type Condition = (typeof CONDITIONS)[number];

export const DAMAGE_TYPES = [
  'acid',
  'bludgeoning',
  'cold',
  'fire',
  'force',
  'lightning',
  'necrotic',
  'piercing',
  'poison',
  'psychic',
  'radiant',
  'slashing',
  'thunder',
] as const;
export type DamageType = (typeof DAMAGE_TYPES)[number];

export const ABILITIES: readonly Ability[] = ['strength', 'dexterity', 'constitution', 'intelligence', 'wisdom', 'charisma'];

export interface HitPoints {
  current: number;
  max: number;
  temporary: number;
}

export type Duration =
  | { kind: 'rounds'; rounds: number; countedOn?: string; at: TurnBoundary }
  | { kind: 'until_end_of_next_turn' }
  | { kind: 'until_save'; dc: number; ability: Ability }
  | { kind: 'indefinite' };

export interface AppliedCondition {
  condition: string;
  duration: Duration;
  timer?: { combatantId: string; at: TurnBoundary; remaining: number };
  appliedBy?: string;
}

export interface TurnEffect {
  name: string;
  text: string;
  at: TurnBoundary;
  damage?: number;
  damageType?: string;
}

export interface CreatureView {
  id: string;
  name: string;
  health: Health;
  hp?: HitPoints;
  defenses: Record<string, string>;
  conditions: AppliedCondition[];
  exhaustion: number;
  concentration?: string;
  concentrationChecks: number[];
  deathSaves: { successes: number; failures: number };
  stable: boolean;
  effects: TurnEffect[];
}

export interface CombatantView {
  id: string;
  name: string;
  kind: CombatantKind;
  ownerUserId?: string;
  characterId?: string;
  initiative?: number;
  hidden: boolean;
  hpRevealed: boolean;
  readied?: string;
  members: CreatureView[];
}

export interface EncounterView {
  active: boolean;
  round: number;
  current?: string;
  onDeck?: string;
  order: CombatantView[];
  delaying: CombatantView[];
  undoable: boolean;
}

// ------------------------------------------------------------------ reading the JSON

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** An enum as the codec writes it, or as Java names it: `MONSTER_GROUP`, `monster_group`, `MonsterGroup` → `monster_group`. */
const enumOf = (v: unknown): string =>
  String(v ?? '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();

/** The view from a welcome's `encounter`, a `combat.view` frame's or a reply's; null for none. */
export function encounterOf(raw: unknown): EncounterView | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Json;
  return {
    active: Boolean(e.active),
    round: num(e.round) ?? 0,
    current: str(e.current),
    onDeck: str(e.onDeck),
    order: arr(e.order).map(combatantOf),
    delaying: arr(e.delaying).map(combatantOf),
    undoable: Boolean(e.undoable),
  };
}

function combatantOf(raw: unknown): CombatantView {
  const c = obj(raw);
  const kind = enumOf(c.kind);
  return {
    id: str(c.id) ?? '',
    name: str(c.name) ?? '',
    kind: kind === 'pc' || kind === 'monster_group' ? kind : 'npc',
    ownerUserId: str(c.ownerUserId),
    characterId: str(c.characterId),
    initiative: num(c.initiative),
    hidden: Boolean(c.hidden),
    hpRevealed: Boolean(c.hpRevealed),
    readied: str(c.readied),
    members: arr(c.members).map(creatureOf),
  };
}

function creatureOf(raw: unknown): CreatureView {
  const m = obj(raw);
  const hp = obj(m.hp);
  const saves = obj(m.deathSaves);
  const defenses: Record<string, string> = {};
  for (const [type, defense] of Object.entries(obj(m.defenses))) defenses[enumOf(type)] = enumOf(defense);
  return {
    id: str(m.id) ?? '',
    name: str(m.name) ?? '',
    health: (enumOf(m.health) || 'healthy') as Health,
    hp:
      num(hp.current) !== undefined && num(hp.max) !== undefined
        ? { current: num(hp.current)!, max: num(hp.max)!, temporary: num(hp.temporary) ?? 0 }
        : undefined,
    defenses,
    conditions: arr(m.conditions).map(conditionOf),
    exhaustion: num(m.exhaustion) ?? 0,
    concentration: str(m.concentration),
    concentrationChecks: arr(m.concentrationChecks).filter((x): x is number => typeof x === 'number'),
    deathSaves: { successes: num(saves.successes) ?? 0, failures: num(saves.failures) ?? 0 },
    stable: Boolean(m.stable),
    effects: arr(m.effects).map((x) => {
      const t = obj(x);
      return {
        name: str(t.name) ?? '',
        text: str(t.text) ?? '',
        at: enumOf(t.at) === 'end' ? 'end' : 'start',
        damage: num(t.damage),
        damageType: t.damageType == null ? undefined : enumOf(t.damageType),
      };
    }),
  };
}

function conditionOf(raw: unknown): AppliedCondition {
  const a = obj(raw);
  const timer = a.timer == null ? undefined : obj(a.timer);
  return {
    condition: enumOf(a.condition),
    duration: durationOf(a.duration),
    timer:
      timer && str(timer.combatantId) !== undefined
        ? { combatantId: str(timer.combatantId)!, at: boundary(timer.at), remaining: num(timer.remaining) ?? 0 }
        : undefined,
    appliedBy: str(a.appliedBy),
  };
}

function durationOf(raw: unknown): Duration {
  const d = obj(raw);
  switch (enumOf(d.kind)) {
    case 'rounds':
      return { kind: 'rounds', rounds: num(d.rounds) ?? 1, countedOn: str(d.countedOn), at: boundary(d.at) };
    case 'until_end_of_next_turn':
      return { kind: 'until_end_of_next_turn' };
    case 'until_save':
      return { kind: 'until_save', dc: num(d.dc) ?? 10, ability: enumOf(d.ability) as Ability };
    default:
      return { kind: 'indefinite' };
  }
}

const boundary = (v: unknown): TurnBoundary => (enumOf(v) === 'start' ? 'start' : 'end');

// ------------------------------------------------------------------ words

const HEALTH_LABELS: Record<Health, string> = {
  healthy: 'Healthy',
  injured: 'Injured',
  bloodied: 'Bloodied',
  critical: 'Critical',
  down: 'Down',
  dead: 'Dead',
};

export const KIND_LABELS: Record<CombatantKind, string> = { pc: 'PC', npc: 'NPC', monster_group: 'Monster group' };

export const capitalized = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1).replace(/_/g, ' ') : s);

export function healthLabel(health: Health): string {
  return HEALTH_LABELS[health] ?? capitalized(health);
}

/** `HP 12/20` with `+5 temp`, or the descriptor when the viewer may not see exact hit points. */
export function hpText(creature: CreatureView): string {
  if (!creature.hp) return healthLabel(creature.health);
  const { current, max, temporary } = creature.hp;
  const temp = temporary > 0 ? ` +${temporary} temp` : '';
  const state = creature.health === 'dead' ? ' (dead)' : creature.health === 'down' ? (creature.stable ? ' (stable)' : ' (down)') : '';
  return `HP ${current}/${max}${temp}${state}`;
}

/** How long a condition still lasts, as people say it. */
export function durationText(applied: AppliedCondition): string {
  const d = applied.duration;
  switch (d.kind) {
    case 'rounds': {
      const left = applied.timer?.remaining ?? d.rounds;
      return `${left} ${left === 1 ? 'round' : 'rounds'} left`;
    }
    case 'until_end_of_next_turn':
      return 'until the end of its next turn';
    case 'until_save':
      return `until a DC ${d.dc} ${capitalized(d.ability)} save`;
    case 'indefinite':
      return '';
  }
}

export function conditionText(applied: AppliedCondition): string {
  const when = durationText(applied);
  return when ? `${capitalized(applied.condition)} (${when})` : capitalized(applied.condition);
}

export function deathSavesText(creature: CreatureView): string | null {
  const { successes, failures } = creature.deathSaves;
  if (creature.health !== 'down' && successes === 0 && failures === 0) return null;
  if (creature.stable) return 'Stable';
  if (creature.health !== 'down') return null;
  return `Death saves: ${successes} ${successes === 1 ? 'success' : 'successes'}, ${failures} ${failures === 1 ? 'failure' : 'failures'}`;
}

// ------------------------------------------------------------------ what the viewer may do

/** The viewer, as the tracker needs them. */
export interface Viewer {
  userId: string;
  gm: boolean;
}

export const owns = (viewer: Viewer, c: CombatantView): boolean => c.ownerUserId === viewer.userId;

/** Damage, healing and temporary HP: a GM on anyone, a player on their own PC (core's rule). */
export const mayChangeHp = (viewer: Viewer, c: CombatantView): boolean => viewer.gm || (c.kind === 'pc' && owns(viewer, c));

/** Turn actions (end turn, delay, ready): the GM, or the combatant's owner on its turn. */
export function mayActNow(viewer: Viewer, encounter: EncounterView, c: CombatantView): boolean {
  return encounter.active && encounter.current === c.id && (viewer.gm || owns(viewer, c));
}

/** The viewer's combatant whose turn it is, if any (what "End turn", "Delay" and "Ready" act for). */
export function myTurn(viewer: Viewer, encounter: EncounterView | null): CombatantView | null {
  if (!encounter?.active || !encounter.current) return null;
  const c = encounter.order.find((x) => x.id === encounter.current);
  return c && owns(viewer, c) ? c : null;
}

/** A PC at 0 HP that is neither stable nor dead makes death saves. */
export const dying = (c: CombatantView, m: CreatureView): boolean => c.kind === 'pc' && m.health === 'down' && !m.stable;

/** The index to send in `combat.move_combatant` to move `id` one place up (-1) or down (+1); null at an end. */
export function movedPosition(order: readonly CombatantView[], id: string, by: -1 | 1): number | null {
  const at = order.findIndex((c) => c.id === id);
  if (at < 0) return null;
  const to = at + by;
  return to < 0 || to >= order.length ? null : to;
}

/**
 * Where a dragged combatant lands when dropped on another: that one's place. Null for no move. Positions
 * count the full order the GM sees (a GM's view hides nothing).
 */
export function droppedPosition(order: readonly CombatantView[], dragged: string, target: string): number | null {
  const from = order.findIndex((c) => c.id === dragged);
  const to = order.findIndex((c) => c.id === target);
  return from < 0 || to < 0 || from === to ? null : to;
}
