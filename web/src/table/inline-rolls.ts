// Inline rolls in chat: the server rolls each `[[notation]]` of a `chat.post` and the `chat.posted`
// payload lists them (`rolls: [{start, end, notation, result, text}]`, offsets in UTF-16 code units
// of `text`). The chat shows each span as a button with its total.
import { resultOf, totalsOf, type RollResult } from './dice/rolls';

export interface InlineRoll {
  start: number;
  end: number;
  notation: string;
  result: RollResult;
  text: string;
}

export type Segment = { kind: 'text'; text: string } | { kind: 'roll'; roll: InlineRoll; total: string; source: string };

/** The inline rolls of a payload, checked; anything malformed is left out (its span stays text). */
export function inlineRollsOf(raw: unknown): InlineRoll[] {
  if (!Array.isArray(raw)) return [];
  const rolls: InlineRoll[] = [];
  for (const r of raw) {
    if (typeof r !== 'object' || r === null) continue;
    const x = r as Record<string, unknown>;
    const result = resultOf(x.result);
    if (typeof x.start !== 'number' || typeof x.end !== 'number' || !result) continue;
    rolls.push({
      start: x.start,
      end: x.end,
      notation: typeof x.notation === 'string' ? x.notation : result.expression,
      result,
      text: typeof x.text === 'string' ? x.text : '',
    });
  }
  return rolls;
}

/**
 * The text cut into plain parts and rolls, in order. A roll whose span is out of range, overlaps
 * an earlier one, or does not hold `[[...]]` stays as the text it covers.
 */
export function segments(text: string, rolls: readonly InlineRoll[] | undefined): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  const sorted = [...(rolls ?? [])].sort((a, b) => a.start - b.start);
  for (const roll of sorted) {
    const { start, end } = roll;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < at || end > text.length || end - start < 4) continue;
    const source = text.slice(start, end);
    if (!source.startsWith('[[') || !source.endsWith(']]')) continue;
    if (start > at) out.push({ kind: 'text', text: text.slice(at, start) });
    out.push({ kind: 'roll', roll, total: totalsOf(roll.result), source });
    at = end;
  }
  if (at < text.length || out.length === 0) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}
