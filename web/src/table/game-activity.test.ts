import { describe, expect, it } from 'vitest';
import type { Envelope } from '../lib/realtime/envelope';
import { encounterOf } from './combat/encounter';
import { gmView } from './combat/test-encounter';
import { combatNames, gameActivityText, isGameEvent, shownOnFeed } from './game-activity';
import { TableModel, type TableClient } from './table-model.svelte';
import { FakeTableClient, settle, welcomeFrame } from './test-client';
import { rolled } from './dice/test-rolls';

const ev = (seq: number, type: string, payload: Record<string, unknown>): Envelope & { seq: number } => ({ id: `ev:${seq}`, type, seq, payload });

describe('rolls and combat on the activity feed', () => {
  const names = combatNames(encounterOf(gmView()), [
    ev(1, 'combat.combatant_shown', { combatantId: 'c9', name: 'Ogre', kind: 'npc', members: [{ creatureId: 'c9', name: 'Ogre' }] }),
    ev(2, 'combat.combatant_added', { combatant: { id: 'c8', name: 'Wolves', members: [{ id: 'c8.1', name: 'Wolves 1' }] } }),
  ]);

  it('knows combatants by the encounter and by the feed', () => {
    expect(names.get('c1')).toBe('Brin');
    expect(names.get('c3.2')).toBe('Goblins 2');
    expect(names.get('c9')).toBe('Ogre');
    expect(names.get('c8.1')).toBe('Wolves 1');
  });

  it('words rolls, with their mode', () => {
    expect(gameActivityText(rolled(3), names)).toBe('Bob rolled strength: 4d6dl1 → [6, 5, 3, ~1~] = 14');
    expect(gameActivityText(rolled(3, { mode: 'gm' }), names)).toContain('Bob rolled (GM only) strength');
    expect(gameActivityText(ev(4, 'dice.hidden', { displayName: 'Ada', mode: 'blind', expression: '1d20' }), names)).toBe(
      'Ada made a blind roll: 1d20',
    );
  });

  it('words combat by name', () => {
    const t = (type: string, payload: Record<string, unknown>) => gameActivityText(ev(9, `combat.${type}`, payload), names);
    expect(t('turn_started', { combatantId: 'c1', round: 2 })).toBe("Brin's turn (round 2)");
    expect(t('damaged', { creatureId: 'c3.2', amount: 14, taken: 7, type: 'fire', critical: true })).toBe(
      'Goblins 2 took 7 fire damage (critical hit)',
    );
    expect(t('condition_applied', { creatureId: 'c1', applied: { condition: 'prone', duration: { kind: 'indefinite' } } })).toBe('Brin is prone');
    expect(t('initiative_determined', { combatantId: 'c9', value: 17 })).toBe('Ogre has initiative 17');
    expect(t('round_started', { round: 3 })).toBe('Round 3 began');
    expect(t('died', { creatureId: 'zz' })).toBe('A combatant died');
    expect(t('something_new', { combatantId: 'c1' })).toBe('Brin: something new');
  });

  it('leaves the bookkeeping events off the feed', () => {
    expect(shownOnFeed(ev(1, 'combat.checkpoint', {}))).toBe(false);
    expect(shownOnFeed(ev(1, 'combat.turn_started', {}))).toBe(true);
    expect(isGameEvent(ev(1, 'combat.view', {}))).toBe(false);
    expect(isGameEvent(ev(1, 'chat.posted', {}))).toBe(false);
  });

  it('puts live rolls and combat events on the model feed, not the quiet ones', async () => {
    const client = new FakeTableClient();
    const model = new TableModel(client as unknown as TableClient, { userId: 'u1', displayName: 'Ada' });
    const stop = model.start();
    client.emit(welcomeFrame('player'));
    await settle();
    client.emit(rolled(7));
    client.emit({ ...ev(8, 'combat.checkpoint', {}) });
    client.emit({ ...ev(9, 'combat.round_started', { round: 1 }) });
    client.emit({ id: 'srv:3', type: 'combat.view', payload: { seq: 9, encounter: null } });
    expect(model.activity.map((e) => e.type)).toEqual(['dice.rolled', 'combat.round_started']);
    stop();
  });
});
