// Encounter views as the server sends them, for the combat tests. Not imported by the app.

/** JSON as it comes off the wire: the tests change it freely. */
type Raw = Record<string, any>;

export function creature(id: string, name: string, over: Raw = {}): Raw {
  return {
    id,
    name,
    health: 'healthy',
    hp: { current: 20, max: 20, temporary: 0 },
    defenses: {},
    conditions: [],
    exhaustion: 0,
    concentration: null,
    concentrationChecks: [],
    deathSaves: { successes: 0, failures: 0 },
    stable: false,
    effects: [],
    ...over,
  };
}

export function combatant(id: string, name: string, over: Raw = {}, member: Raw = {}): Raw {
  return {
    id,
    name,
    kind: 'npc',
    ownerUserId: null,
    characterId: null,
    initiative: null,
    hidden: false,
    hpRevealed: false,
    readied: null,
    members: [creature(id, name, member)],
    ...over,
  };
}

/** A fight in round 1: Bob's PC Brin (u2), Ada's PC Ash (u1), a hidden goblin group (GM view). */
export function gmView(over: Raw = {}): Raw {
  return {
    active: true,
    round: 1,
    current: 'c1',
    onDeck: 'c2',
    order: [
      combatant('c1', 'Brin', { kind: 'pc', ownerUserId: 'u2', characterId: 'Brin', initiative: 18 }),
      combatant('c2', 'Ash', { kind: 'pc', ownerUserId: 'u1', characterId: 'Ash', initiative: 12 }),
      combatant('c3', 'Goblins', {
        kind: 'monster_group',
        initiative: 9,
        hidden: true,
        members: [creature('c3.1', 'Goblins 1', { hp: { current: 7, max: 7, temporary: 0 } }), creature('c3.2', 'Goblins 2', { health: 'bloodied', hp: { current: 3, max: 7, temporary: 0 } })],
      }),
    ],
    delaying: [],
    undoable: true,
    ...over,
  };
}

/** What a player sees of the same fight: no goblins, no undo. */
export function playerView(over: Raw = {}): Raw {
  const v = gmView(over);
  return { ...v, order: v.order.filter((c: Raw) => !c.hidden), undoable: false };
}
