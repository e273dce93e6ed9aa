import { describe, expect, it } from 'vitest';
import {
  dieView,
  entryOf,
  memberView,
  percent,
  probabilityText,
  problemOf,
  totalsOf,
  withQuick,
  withRolls,
} from './rolls';
import { FOUR_D6, rolled } from './test-rolls';

describe('the roll history', () => {
  it('reads a dice.rolled event: who, mode, text and the result', () => {
    const e = entryOf(rolled(7))!;
    expect(e).toMatchObject({ key: 'ev:7', seq: 7, userId: 'u2', displayName: 'Bob', mode: 'public', label: 'strength' });
    expect(e.text).toBe('strength: 4d6dl1 → [6, 5, 3, ~1~] = 14');
    expect(e.result?.rolls[0]?.terms[0]?.dice).toHaveLength(4);
  });

  it('reads a dice.hidden event as a blind roll without a result', () => {
    const e = entryOf({ id: 'ev:8', type: 'dice.hidden', seq: 8, payload: { userId: 'u1', displayName: 'Ada', mode: 'blind', expression: '1d20' } })!;
    expect(e).toMatchObject({ mode: 'blind', expression: '1d20', result: null, text: null });
  });

  it('ignores other frames and a dice.rolled without a usable result', () => {
    expect(entryOf({ id: 'ev:1', type: 'chat.posted', seq: 1, payload: {} })).toBeNull();
    expect(entryOf(rolled(2, { result: { rolls: [] } }))).toBeNull();
    expect(entryOf(rolled(3, { result: null }))).toBeNull();
  });

  it('keeps each roll once, in seq order, whether it came live or in a dice.log page', () => {
    let h = withRolls([], [rolled(5)]);
    h = withRolls(h, [rolled(3), rolled(5), rolled(9)]);
    h = withRolls(h, [rolled(9)]);
    expect(h.map((e) => e.seq)).toEqual([3, 5, 9]);
  });

  it('keeps the newest rolls up to the limit', () => {
    const h = withRolls([], [1, 2, 3, 4, 5].map((n) => rolled(n)), 3);
    expect(h.map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it('reads states in any case (an older codec wrote enum names)', () => {
    const upper = JSON.parse(JSON.stringify(FOUR_D6).replaceAll('"dropped"', '"DROPPED"').replaceAll('"kept"', '"KEPT"'));
    const e = entryOf(rolled(1, { result: upper }))!;
    expect(e.result!.rolls[0]!.terms[0]!.dice[3]!.states).toEqual(['dropped']);
  });
});

describe('a die as shown', () => {
  const die = (value: number, states: string[], extra: Record<string, unknown> = {}) =>
    dieView({ value, face: value, states: states as never, rerolled: [], compounded: [], ...extra });

  it('strikes a dropped die and says so', () => {
    expect(die(1, ['dropped'])).toMatchObject({ value: '1', struck: true, marks: '', words: 'dropped' });
  });

  it('marks explosions, successes, failures, clamps and rerolls as docs/dice.md writes them', () => {
    expect(die(6, ['exploded'])).toMatchObject({ marks: '!', words: 'exploded', struck: false });
    expect(die(5, ['success']).marks).toBe('*');
    expect(die(1, ['failure']).marks).toBe('f');
    expect(dieView({ value: 19, face: 20, states: ['clamped'], rerolled: [], compounded: [] })).toMatchObject({
      marks: 'c20',
      words: 'showed 20',
    });
    expect(dieView({ value: 4, face: 4, states: ['rerolled'], rerolled: [1, 1], compounded: [] })).toMatchObject({
      marks: 'r1r1',
      words: 'rerolled from 1, 1',
    });
    expect(dieView({ value: 14, face: 14, states: ['compounded'], rerolled: [], compounded: [6, 6, 2] })).toMatchObject({
      marks: '!!',
      words: 'compounded 6 + 6 + 2',
    });
  });

  it('shows a group member with its total, struck when dropped', () => {
    expect(memberView({ notation: '1d6', value: 3, states: ['dropped'] })).toMatchObject({ value: '1d6 = 3', struck: true });
  });

  it('lists the totals of repeats', () => {
    expect(totalsOf({ ...FOUR_D6, rolls: [FOUR_D6.rolls[0]!, { ...FOUR_D6.rolls[0]!, total: 10 }] })).toBe('14, 10');
  });
});

describe('the live check', () => {
  it('words the odds', () => {
    expect(probabilityText({ min: 6, max: 25, mean: 15.5, distribution: [] })).toBe('Average 15.5 · 6 to 25');
    expect(probabilityText({ min: 3, max: 18, mean: 12.244598765432098, distribution: [] })).toBe('Average 12.24 · 3 to 18');
    expect(probabilityText({ min: 4, max: 4, mean: 4, distribution: [] })).toBe('Average 4 · always 4');
  });

  it('words a chance', () => {
    expect(percent(0.55)).toBe('55%');
    expect(percent(0.51)).toBe('51%');
    expect(percent(0.025)).toBe('2.5%');
    expect(percent(1 / 3)).toBe('33.3%');
    expect(percent(0.0001)).toBe('<0.1%');
    expect(percent(0.99999)).toBe('>99.9%');
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
  });

  it("keeps the parser's message, which names the position, and adds the position when it does not", () => {
    const msg = "At position 5: expected a number, dice (such as d20), found the end.";
    expect(problemOf({ code: 'E007', message: msg, details: { field: 'expression', position: 5 } })).toEqual({ message: msg, position: 5 });
    expect(problemOf({ code: 'E007', message: 'expected a number', details: { position: 2 } })).toEqual({
      message: 'At position 2: expected a number',
      position: 2,
    });
    expect(problemOf({ code: 'E007', message: '', details: { position: 0, expected: 'a number' } }).message).toBe(
      'At position 0: expected a number',
    );
    expect(problemOf({ code: 'E007', message: 'at most 1000 dice in all' }).position).toBeNull();
  });
});

describe('quick buttons', () => {
  it('start an expression, or add to a plain term of the same die', () => {
    expect(withQuick('', 'd20')).toBe('1d20');
    expect(withQuick('1d6', 'd6')).toBe('2d6');
    expect(withQuick('d6+2', 'd6')).toBe('2d6+2');
    expect(withQuick('1d20+5', 'd6')).toBe('1d20+5+1d6');
    expect(withQuick('4d6dl1', 'd6')).toBe('4d6dl1+1d6');
    expect(withQuick('1d100', 'd10')).toBe('1d100+1d10');
    expect(withQuick('', 'd100')).toBe('1d100');
  });

  it('turn a plain d20 into advantage or disadvantage, and switch between them', () => {
    expect(withQuick('', 'adv')).toBe('adv');
    expect(withQuick('1d20+5', 'adv')).toBe('adv+5');
    expect(withQuick('adv+5', 'dis')).toBe('dis+5');
    expect(withQuick('2d6', 'dis')).toBe('dis+2d6');
  });
});
