import { describe, expect, it } from 'vitest';
import {
  conditionText,
  deathSavesText,
  droppedPosition,
  durationText,
  encounterOf,
  hpText,
  mayActNow,
  mayChangeHp,
  movedPosition,
  myTurn,
  type AppliedCondition,
  type CombatantView,
  type CreatureView,
} from './encounter';
import { combatant, gmView, playerView } from './test-encounter';

const gm = { userId: 'g1', gm: true };
const ada = { userId: 'u1', gm: false };
const bob = { userId: 'u2', gm: false };

describe('reading the encounter view', () => {
  it('reads the view, with Optional components null or absent', () => {
    const e = encounterOf(gmView())!;
    expect(e).toMatchObject({ active: true, round: 1, current: 'c1', onDeck: 'c2', undoable: true });
    expect(e.order.map((c) => [c.id, c.kind, c.initiative, c.hidden])).toEqual([
      ['c1', 'pc', 18, false],
      ['c2', 'pc', 12, false],
      ['c3', 'monster_group', 9, true],
    ]);
    expect(e.order[0]!.ownerUserId).toBe('u2');
    expect(e.order[2]!.members.map((m) => m.name)).toEqual(['Goblins 1', 'Goblins 2']);
    expect(e.order[0]!.members[0]!.concentration).toBeUndefined();
    const absent = encounterOf({ active: true, round: 0, order: [{ id: 'c9', name: 'Orc', kind: 'npc', members: [] }], delaying: [] })!;
    expect(absent.current).toBeUndefined();
    expect(absent.order[0]!.initiative).toBeUndefined();
    expect(absent.undoable).toBe(false);
  });

  it('is null when there is no encounter', () => {
    expect(encounterOf(null)).toBeNull();
    expect(encounterOf(undefined)).toBeNull();
  });

  it('reads enums in any spelling (MONSTER_GROUP, UntilSave) as the lower-case contract names', () => {
    const e = encounterOf({
      active: true,
      round: 2,
      order: [
        combatant('c1', 'Orcs', { kind: 'MONSTER_GROUP' }, {
          health: 'BLOODIED',
          conditions: [{ condition: 'PRONE', duration: { kind: 'UntilSave', dc: 12, ability: 'WISDOM' } }],
        }),
      ],
      delaying: [],
    })!;
    const orc = e.order[0]!;
    expect(orc.kind).toBe('monster_group');
    expect(orc.members[0]!.health).toBe('bloodied');
    expect(orc.members[0]!.conditions[0]).toEqual({
      condition: 'prone',
      duration: { kind: 'until_save', dc: 12, ability: 'wisdom' },
      timer: undefined,
      appliedBy: undefined,
    });
  });

  it('a player view without hit points has the descriptor only', () => {
    const e = encounterOf({ active: true, round: 1, order: [combatant('c5', 'Ogre', {}, { hp: null, health: 'bloodied' })], delaying: [] })!;
    expect(e.order[0]!.members[0]!.hp).toBeUndefined();
    expect(hpText(e.order[0]!.members[0]!)).toBe('Bloodied');
  });
});

describe('what the tracker says', () => {
  const c = (over: Record<string, unknown>) => encounterOf({ active: true, round: 1, order: [combatant('c1', 'X', {}, over)], delaying: [] })!.order[0]!.members[0]! as CreatureView;

  it('shows exact hit points with temporary ones, and the state at 0', () => {
    expect(hpText(c({ hp: { current: 12, max: 20, temporary: 5 } }))).toBe('HP 12/20 +5 temp');
    expect(hpText(c({ hp: { current: 0, max: 20, temporary: 0 }, health: 'down' }))).toBe('HP 0/20 (down)');
    expect(hpText(c({ hp: { current: 0, max: 20, temporary: 0 }, health: 'down', stable: true }))).toBe('HP 0/20 (stable)');
    expect(hpText(c({ hp: { current: 0, max: 20, temporary: 0 }, health: 'dead' }))).toBe('HP 0/20 (dead)');
  });

  it('words what remains of a condition', () => {
    const a = (duration: AppliedCondition['duration'], timer?: AppliedCondition['timer']): AppliedCondition => ({
      condition: 'frightened',
      duration,
      timer,
    });
    expect(durationText(a({ kind: 'rounds', rounds: 3, at: 'end' }, { combatantId: 'c1', at: 'end', remaining: 2 }))).toBe('2 rounds left');
    expect(durationText(a({ kind: 'rounds', rounds: 1, at: 'end' }))).toBe('1 round left');
    expect(durationText(a({ kind: 'until_end_of_next_turn' }))).toBe('until the end of its next turn');
    expect(conditionText(a({ kind: 'until_save', dc: 13, ability: 'wisdom' }))).toBe('Frightened (until a DC 13 Wisdom save)');
    expect(conditionText(a({ kind: 'indefinite' }))).toBe('Frightened');
  });

  it('shows death saves of a PC who is down, and stability', () => {
    expect(deathSavesText(c({ health: 'down', deathSaves: { successes: 1, failures: 2 } }))).toBe('Death saves: 1 success, 2 failures');
    expect(deathSavesText(c({ health: 'down', stable: true }))).toBe('Stable');
    expect(deathSavesText(c({}))).toBeNull();
  });
});

describe('who may do what', () => {
  const e = encounterOf(gmView())!;
  const [brin, ash, goblins] = e.order as [CombatantView, CombatantView, CombatantView];

  it('lets the GM change anyone, a player only their own PC', () => {
    expect(mayChangeHp(gm, goblins)).toBe(true);
    expect(mayChangeHp(bob, brin)).toBe(true);
    expect(mayChangeHp(bob, ash)).toBe(false);
    expect(mayChangeHp(ada, goblins)).toBe(false);
  });

  it("gives the turn's owner (and the GM) the turn", () => {
    expect(myTurn(bob, e)?.name).toBe('Brin');
    expect(myTurn(ada, e)).toBeNull();
    expect(mayActNow(bob, e, brin)).toBe(true);
    expect(mayActNow(ada, e, brin)).toBe(false);
    expect(mayActNow(gm, e, brin)).toBe(true);
    expect(myTurn(bob, encounterOf(playerView({ current: null }))!)).toBeNull();
  });

  it('moves one place up or down, never past an end', () => {
    expect(movedPosition(e.order, 'c2', -1)).toBe(0);
    expect(movedPosition(e.order, 'c2', 1)).toBe(2);
    expect(movedPosition(e.order, 'c1', -1)).toBeNull();
    expect(movedPosition(e.order, 'c3', 1)).toBeNull();
  });

  it("drops a dragged combatant at the target's place", () => {
    expect(droppedPosition(e.order, 'c3', 'c1')).toBe(0);
    expect(droppedPosition(e.order, 'c1', 'c3')).toBe(2);
    expect(droppedPosition(e.order, 'c1', 'c1')).toBeNull();
    expect(droppedPosition(e.order, 'zz', 'c1')).toBeNull();
  });
});
