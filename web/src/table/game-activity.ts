// The activity feed's sentences for rolls and combat (the server puts every `dice.*` and `combat.*`
// event the member may see on the feed): pure functions of the event and the combatants' names.
import type { Envelope } from '../lib/realtime/envelope';
import type { EncounterView } from './combat/encounter';
import { capitalized } from './combat/encounter';

/** Events on the feed that say nothing a person needs: the undo marker, and what the turn start says again. */
const QUIET = new Set(['combat.checkpoint', 'combat.turn_ended', 'combat.on_deck', 'combat.moved']);

export function isGameEvent(event: Envelope): boolean {
  return event.type === 'dice.rolled' || event.type === 'dice.hidden' || (event.type.startsWith('combat.') && event.type !== 'combat.view');
}

/** Whether the feed shows this game event (the quiet ones are left out). */
export function shownOnFeed(event: Envelope): boolean {
  return !QUIET.has(event.type);
}

/** Names of combatants and creatures by id: from the encounter, and from the feed's own "added"/"shown" events. */
export function combatNames(encounter: EncounterView | null, events: readonly Envelope[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events) {
    const p = e.payload as Record<string, unknown>;
    if (e.type === 'combat.combatant_added') {
      const c = (p.combatant ?? {}) as { id?: string; name?: string; members?: { id?: string; name?: string }[] };
      if (c.id && c.name) names.set(c.id, c.name);
      for (const m of c.members ?? []) if (m.id && m.name) names.set(m.id, m.name);
    } else if (e.type === 'combat.combatant_shown' && typeof p.combatantId === 'string' && typeof p.name === 'string') {
      names.set(p.combatantId, p.name);
      for (const m of (p.members ?? []) as { creatureId?: string; name?: string }[]) if (m.creatureId && m.name) names.set(m.creatureId, m.name);
    }
  }
  for (const c of [...(encounter?.order ?? []), ...(encounter?.delaying ?? [])]) {
    names.set(c.id, c.name);
    for (const m of c.members) names.set(m.id, m.name);
  }
  return names;
}

const words = (v: unknown): string => capitalized(String(v ?? '')).toLowerCase();

/** One roll or combat event as a sentence. */
export function gameActivityText(event: Envelope, names: ReadonlyMap<string, string>): string {
  const p = event.payload as Record<string, unknown>;
  const who = String(p.displayName ?? 'Someone');
  const id = String(p.combatantId ?? p.creatureId ?? '');
  const name = names.get(id) ?? 'A combatant';
  switch (event.type) {
    case 'dice.rolled': {
      const mode = p.mode === 'gm' ? ' (GM only)' : p.mode === 'blind' ? ' (blind)' : p.mode === 'self' ? ' (to themselves)' : '';
      return `${who} rolled${mode} ${String(p.text ?? p.expression ?? '')}`;
    }
    case 'dice.hidden':
      return `${who} made a blind roll: ${String(p.expression ?? '')}`;
    case 'combat.encounter_started':
      return 'An encounter began';
    case 'combat.encounter_ended':
      return 'The encounter ended';
    case 'combat.undone':
      return 'The GM undid the last combat action';
    case 'combat.round_started':
      return `Round ${String(p.round)} began`;
    case 'combat.combatant_added': {
      const c = (p.combatant ?? {}) as { name?: string };
      return `${c.name ?? 'A combatant'} joined the fight`;
    }
    case 'combat.combatant_shown':
      return `${String(p.name ?? name)} joined the fight`;
    case 'combat.combatant_removed':
      return `${name} left the fight`;
    case 'combat.revealed':
      return `${name} was revealed`;
    case 'combat.hp_revealed':
      return `${name}'s hit points were revealed`;
    case 'combat.initiative_determined':
      return `${name} has initiative ${String(p.value)}`;
    case 'combat.turn_started':
      return `${name}'s turn (round ${String(p.round)})`;
    case 'combat.turn_rewound':
      return `Back to ${name}'s turn`;
    case 'combat.delayed':
      return `${name} delays`;
    case 'combat.re_entered':
      return `${name} acts again (initiative ${String(p.initiative)})`;
    case 'combat.action_readied':
      return `${name} readies an action: ${String(p.trigger ?? '')}`;
    case 'combat.ready_resolved':
      return `${name}'s readied action ${p.outcome === 'used' ? 'was taken' : 'lapsed'}`;
    case 'combat.damaged':
      return `${name} took ${String(p.taken ?? p.amount)} ${words(p.type)} damage${p.critical ? ' (critical hit)' : ''}`;
    case 'combat.healed':
      return `${name} was healed ${String(p.amount)}`;
    case 'combat.temp_hp_granted':
      return `${name} gained ${String(p.amount)} temporary hit points`;
    case 'combat.overridden':
      return `The GM changed ${name}'s hit points`;
    case 'combat.health_shown':
      return `${name} is ${words(p.health)}`;
    case 'combat.death_save_due':
      return `${name} must make a death save`;
    case 'combat.death_save_rolled':
      return `${name} rolled ${String(p.d20)} on a death save`;
    case 'combat.death_saves_failed':
      return `${name} failed ${String(p.failures)} death ${p.failures === 1 ? 'save' : 'saves'}`;
    case 'combat.stabilized':
      return `${name} is stable`;
    case 'combat.died':
      return `${name} died`;
    case 'combat.concentration_started':
      return `${name} concentrates on ${String(p.effect ?? '')}`;
    case 'combat.concentration_check_due':
      return `${name} must make a DC ${String(p.dc)} concentration check`;
    case 'combat.concentration_checked':
      return `${name} ${p.success ? 'kept' : 'lost'} concentration (DC ${String(p.dc)})`;
    case 'combat.concentration_ended':
      return `${name} no longer concentrates on ${String(p.effect ?? '')}`;
    case 'combat.condition_applied': {
      const a = (p.applied ?? {}) as { condition?: string };
      return `${name} is ${words(a.condition)}`;
    }
    case 'combat.condition_expired':
    case 'combat.condition_ended':
      return `${name} is no longer ${words(p.condition)}`;
    case 'combat.save_due':
      return `${name} must make a DC ${String(p.dc)} ${capitalized(String(p.ability ?? ''))} save against ${words(p.condition)}`;
    case 'combat.save_resolved':
      return `${name} ${p.success ? 'saved' : 'failed a save'} against ${words(p.condition)}`;
    case 'combat.exhaustion_changed':
      return `${name}'s exhaustion is now ${String(p.level)}`;
    case 'combat.effect_added':
    case 'combat.effect_triggered': {
      const e = (p.effect ?? {}) as { name?: string; text?: string };
      return `${name}: ${e.name ?? ''}${e.text ? ` — ${e.text}` : ''}`;
    }
    case 'combat.effect_removed':
      return `${name}: ${String(p.name ?? '')} ended`;
    default:
      return `${name}: ${event.type.replace(/^combat\./, '').replace(/_/g, ' ')}`;
  }
}
