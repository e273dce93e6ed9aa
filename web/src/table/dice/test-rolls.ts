// Rolls as the server sends them, for the dice tests. Not imported by the app.
import type { Envelope } from '../../lib/realtime/envelope';
import type { RollResult } from './rolls';

/** `4d6dl1 → [6, 5, 3, ~1~] = 14` as the server sends it (enums lower case). */
export const FOUR_D6: RollResult = {
  expression: '4d6dl1',
  label: 'strength',
  rolls: [
    {
      total: 14,
      breakdown: '[6, 5, 3, ~1~]',
      terms: [
        {
          kind: 'dice',
          notation: '4d6dl1',
          value: 14,
          countsSuccesses: false,
          members: [],
          dice: [
            { value: 6, face: 6, states: ['kept'], rerolled: [], compounded: [] },
            { value: 5, face: 5, states: ['kept'], rerolled: [], compounded: [] },
            { value: 3, face: 3, states: ['kept'], rerolled: [], compounded: [] },
            { value: 1, face: 1, states: ['dropped'], rerolled: [], compounded: [] },
          ],
        },
      ],
    },
  ],
};

export function rolled(seq: number, over: Record<string, unknown> = {}): Envelope {
  return {
    id: `ev:${seq}`,
    type: 'dice.rolled',
    seq,
    payload: {
      userId: 'u2',
      displayName: 'Bob',
      mode: 'public',
      expression: '4d6dl1',
      label: 'strength',
      result: FOUR_D6,
      text: 'strength: 4d6dl1 → [6, 5, 3, ~1~] = 14',
      ...over,
    },
  };
}

