import { describe, expect, it } from 'vitest';
import { inlineRollsOf, segments, type InlineRoll } from './inline-rolls';
import { lineOf } from './lines';
import { FOUR_D6 } from './dice/test-rolls';

const roll = (start: number, end: number, total = 14): InlineRoll => ({
  start,
  end,
  notation: '4d6dl1',
  result: { ...FOUR_D6, rolls: [{ ...FOUR_D6.rolls[0]!, total }] },
  text: `4d6dl1 → [6, 5, 3, ~1~] = ${total}`,
});

describe('inline rolls in chat text', () => {
  it('cuts the text into plain parts and rolls, each roll showing its total', () => {
    const text = 'I swing [[4d6dl1]] and then [[4d6dl1]]!';
    const parts = segments(text, [roll(28, 38, 9), roll(8, 18)]);
    expect(parts.map((p) => (p.kind === 'text' ? p.text : `<${p.total}>`))).toEqual(['I swing ', '<14>', ' and then ', '<9>', '!']);
  });

  it('counts offsets in UTF-16 code units, as JavaScript does', () => {
    const text = '🐉 breathes [[4d6dl1]]';
    const start = text.indexOf('[[');
    expect(start).toBe(12); // the dragon is two code units
    const parts = segments(text, [roll(start, text.length)]);
    expect(parts.map((p) => p.kind)).toEqual(['text', 'roll']);
    expect(parts[0]).toEqual({ kind: 'text', text: '🐉 breathes ' });
  });

  it('leaves as text a roll whose span is out of range, overlapping, or not a [[...]] span', () => {
    const text = 'a [[1d6]] b';
    expect(segments(text, [roll(2, 40)])).toEqual([{ kind: 'text', text }]);
    expect(segments(text, [roll(0, 5)])).toEqual([{ kind: 'text', text }]);
    const both = segments(text, [roll(2, 9), roll(3, 9)]);
    expect(both.filter((p) => p.kind === 'roll')).toHaveLength(1);
    expect(segments(text, undefined)).toEqual([{ kind: 'text', text }]);
    expect(segments('', [])).toEqual([{ kind: 'text', text: '' }]);
  });

  it('reads the rolls of a chat.posted payload, dropping malformed ones', () => {
    const rolls = inlineRollsOf([
      { start: 2, end: 9, notation: '1d6', result: FOUR_D6, text: 't' },
      { start: 'x', end: 9, result: FOUR_D6 },
      { start: 2, end: 9, notation: '1d6', result: { rolls: [] } },
      null,
    ]);
    expect(rolls).toHaveLength(1);
    expect(inlineRollsOf(undefined)).toEqual([]);
    const line = lineOf({
      id: 'ev:4',
      type: 'chat.posted',
      seq: 4,
      payload: { userId: 'u2', displayName: 'Bob', kind: 'ooc', text: 'a [[1d6]]', to: 'table', rolls: [{ start: 2, end: 9, notation: '1d6', result: FOUR_D6, text: 't' }] },
    });
    expect(line.rolls).toHaveLength(1);
  });
});
