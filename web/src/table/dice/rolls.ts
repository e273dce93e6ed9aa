// The dice of docs/dice.md as the protocol carries them (`dice.rolled`, `dice.hidden`, the
// `dice.log` and `dice.probability` replies), and what the tray shows of them: pure functions, so
// that they are tested without a browser.
import type { HearthError } from '../../lib/errors';
import type { Envelope } from '../../lib/realtime/envelope';

export type DieState =
  | 'kept'
  | 'dropped'
  | 'exploded'
  | 'added'
  | 'penetrated'
  | 'compounded'
  | 'rerolled'
  | 'clamped'
  | 'success'
  | 'failure';

export interface Die {
  value: number;
  face: number;
  states: DieState[];
  rerolled: number[];
  compounded: number[];
}

export interface Member {
  notation: string;
  value: number;
  states: DieState[];
}

export interface Term {
  kind: 'dice' | 'group';
  notation: string;
  value: number;
  dice: Die[];
  members: Member[];
  countsSuccesses: boolean;
}

export interface Roll {
  total: number;
  terms: Term[];
  breakdown: string;
}

/** `RollResult` of core's dice package. */
export interface RollResult {
  expression: string;
  label: string;
  rolls: Roll[];
}

/** Who sees a roll: everyone, the roller and GMs, GMs only (the roller sees that it happened), the roller only. */
export type RollMode = 'public' | 'gm' | 'blind' | 'self';

export const ROLL_MODES: readonly { mode: RollMode; label: string }[] = [
  { mode: 'public', label: 'Public' },
  { mode: 'gm', label: 'GM only' },
  { mode: 'blind', label: 'Blind' },
  { mode: 'self', label: 'Just me' },
];

/** One line of the roll history: a roll with its result, or a blind roll of ours (no result). */
export interface DiceEntry {
  /** `ev:<seq>` (the event id). */
  key: string;
  seq: number | null;
  userId: string;
  displayName: string;
  mode: RollMode;
  expression: string;
  label: string;
  /** Null for `dice.hidden`: a blind roll whose result only GMs see. */
  result: RollResult | null;
  text: string | null;
}

/** The `dice.probability` reply. */
export interface Probability {
  min: number;
  max: number;
  mean: number;
  distribution: { total: number; p: number }[];
  atLeast?: number;
}

const MODES = new Set<RollMode>(['public', 'gm', 'blind', 'self']);

/** A history entry from a `dice.rolled` or `dice.hidden` frame; null for anything else or a malformed one. */
export function entryOf(frame: Envelope): DiceEntry | null {
  if (frame.type !== 'dice.rolled' && frame.type !== 'dice.hidden') return null;
  const p = frame.payload as Record<string, unknown>;
  if (typeof p.userId !== 'string' || typeof p.expression !== 'string') return null;
  const mode = MODES.has(p.mode as RollMode) ? (p.mode as RollMode) : frame.type === 'dice.hidden' ? 'blind' : 'public';
  const result = frame.type === 'dice.rolled' ? resultOf(p.result) : null;
  if (frame.type === 'dice.rolled' && !result) return null;
  return {
    key: frame.id,
    seq: typeof frame.seq === 'number' ? frame.seq : null,
    userId: p.userId,
    displayName: typeof p.displayName === 'string' ? p.displayName : 'Someone',
    mode,
    expression: p.expression,
    label: typeof p.label === 'string' ? p.label : (result?.label ?? ''),
    result,
    text: frame.type === 'dice.rolled' && typeof p.text === 'string' ? p.text : null,
  };
}

/** A RollResult from JSON, checked for the parts the tray reads; null when it is not one. */
export function resultOf(raw: unknown): RollResult | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Partial<RollResult>;
  if (!Array.isArray(r.rolls) || r.rolls.length === 0) return null;
  const rolls = r.rolls.filter((x): x is Roll => typeof x === 'object' && x !== null && typeof x.total === 'number');
  if (rolls.length === 0) return null;
  return {
    expression: String(r.expression ?? ''),
    label: typeof r.label === 'string' ? r.label : '',
    rolls: rolls.map((roll) => ({
      total: roll.total,
      breakdown: String(roll.breakdown ?? ''),
      terms: (Array.isArray(roll.terms) ? roll.terms : []).map((t) => ({
        kind: t.kind === 'group' ? 'group' : 'dice',
        notation: String(t.notation ?? ''),
        value: Number(t.value ?? 0),
        dice: (Array.isArray(t.dice) ? t.dice : []).map((d) => ({
          value: Number(d.value),
          face: Number(d.face ?? d.value),
          states: lower(d.states) as DieState[],
          rerolled: Array.isArray(d.rerolled) ? d.rerolled.map(Number) : [],
          compounded: Array.isArray(d.compounded) ? d.compounded.map(Number) : [],
        })),
        members: (Array.isArray(t.members) ? t.members : []).map((m) => ({
          notation: String(m.notation ?? ''),
          value: Number(m.value ?? 0),
          states: lower(m.states) as DieState[],
        })),
        countsSuccesses: Boolean(t.countsSuccesses),
      })),
    })),
  };
}

function lower(states: unknown): string[] {
  return Array.isArray(states) ? states.map((s) => String(s).toLowerCase()) : [];
}

/** How many entries the tray keeps: older ones are a `dice.log` request away. */
export const HISTORY_LIMIT = 200;

/**
 * The history reducer: the entries held plus the frames that came (live events or a `dice.log`
 * page), each roll once (by seq), oldest first, at most `limit` (the newest).
 */
export function withRolls(held: DiceEntry[], frames: Envelope[], limit = HISTORY_LIMIT): DiceEntry[] {
  const bySeq = new Map<number, DiceEntry>();
  for (const e of held) if (e.seq !== null) bySeq.set(e.seq, e);
  for (const f of frames) {
    const e = entryOf(f);
    if (e && e.seq !== null) bySeq.set(e.seq, e);
  }
  const all = [...bySeq.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return all.length > limit ? all.slice(all.length - limit) : all;
}

export const MODE_TAGS: Record<RollMode, string | null> = { public: null, gm: 'GM only', blind: 'Blind', self: 'Just me' };

/** What a die shows: its value, struck through when dropped, marks for what happened, and the words for them. */
export interface DieView {
  value: string;
  struck: boolean;
  /** Compact marks after the value, as in docs/dice.md: `!` exploded, `!!` compounded, `*` success, `f` failure, `c20`, `r1`. */
  marks: string;
  /** For screen readers and the tooltip, e.g. "dropped", "exploded", "rerolled from 1". */
  words: string;
  states: DieState[];
}

const STATE_WORDS: Partial<Record<DieState, string>> = {
  dropped: 'dropped',
  exploded: 'exploded',
  added: 'from an explosion',
  penetrated: 'penetrating, counts one less',
  compounded: 'compounded',
  success: 'success',
  failure: 'failure',
};

export function dieView(die: Die): DieView {
  let marks = '';
  const words: string[] = [];
  for (const s of die.states) {
    if (s === 'exploded') marks += '!';
    else if (s === 'compounded') marks += '!!';
    else if (s === 'success') marks += '*';
    else if (s === 'failure') marks += 'f';
    else if (s === 'clamped') marks += `c${die.face}`;
    if (s === 'clamped') words.push(`showed ${die.face}`);
    else if (s === 'compounded' && die.compounded.length > 0) words.push(`compounded ${die.compounded.join(' + ')}`);
    else if (STATE_WORDS[s]) words.push(STATE_WORDS[s]!);
  }
  for (const r of die.rerolled) marks += `r${r}`;
  if (die.rerolled.length > 0) words.push(`rerolled from ${die.rerolled.join(', ')}`);
  return { value: String(die.value), struck: die.states.includes('dropped'), marks, words: words.join(', '), states: die.states };
}

export function memberView(member: Member): DieView {
  const words = member.states.filter((s) => STATE_WORDS[s]).map((s) => STATE_WORDS[s]!);
  let marks = '';
  if (member.states.includes('success')) marks += '*';
  if (member.states.includes('failure')) marks += 'f';
  return {
    value: `${member.notation} = ${member.value}`,
    struck: member.states.includes('dropped'),
    marks,
    words: words.join(', '),
    states: member.states,
  };
}

/** The totals of a result: `22`, or `14, 10, 12` for repeats. */
export function totalsOf(result: RollResult): string {
  return result.rolls.map((r) => String(r.total)).join(', ');
}

/** The live validation of a good expression: "Average 10.5 · 1 to 20". */
export function probabilityText(p: Probability): string {
  return `Average ${formatNumber(p.mean)} · ${p.min === p.max ? `always ${p.min}` : `${p.min} to ${p.max}`}`;
}

/** A chance as people read it: 55%, 2.5%, <0.1%, >99.9%, 0%, 100%. */
export function percent(p: number): string {
  if (!(p > 0)) return '0%';
  if (p >= 1) return '100%';
  const pct = p * 100;
  if (pct < 0.1) return '<0.1%';
  if (pct > 99.9) return '>99.9%';
  const rounded = Math.round(pct * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)}%`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : (Math.round(n * 100) / 100).toString();
}

/** Why an expression was refused, with where: the parser's message names the position; else it is added. */
export interface ExpressionProblem {
  message: string;
  /** 0-based, in the expression; null when the problem has no place (a limit). */
  position: number | null;
}

export function problemOf(error: HearthError): ExpressionProblem {
  const d = error.details ?? {};
  const position = typeof d.position === 'number' ? d.position : null;
  let message = error.message.trim();
  if (!message) {
    const expected = typeof d.expected === 'string' ? d.expected : Array.isArray(d.expected) ? d.expected.join(', ') : '';
    message = expected ? `expected ${expected}` : 'This is not dice notation.';
  }
  if (position !== null && !/position/i.test(message)) message = `At position ${position}: ${message}`;
  return { message, position };
}

/** Quick buttons of the tray. */
export const QUICK = ['d4', 'd6', 'd8', 'd10', 'd12', 'd20', 'd100', 'adv', 'dis'] as const;
export type Quick = (typeof QUICK)[number];

/**
 * The expression after a quick button: a die joins a plain term of its size (`1d6` → `2d6`) or is
 * added (`1d20+5` → `1d20+5+1d6`); adv/dis replace a plain d20 (`1d20+5` → `adv+5`) or the other
 * one, else go first (`2d6` → `adv+2d6`).
 */
export function withQuick(expression: string, quick: Quick): string {
  const expr = expression.trim();
  if (quick === 'adv' || quick === 'dis') {
    if (!expr) return quick;
    const d20 = plainTerm(expr, '20');
    if (d20) return expr.slice(0, d20.index) + quick + expr.slice(d20.index + d20.length);
    const other = new RegExp(`(^|[^A-Za-z])${quick === 'adv' ? 'dis' : 'adv'}(?![A-Za-z])`).exec(expr);
    if (other) {
      const at = other.index + other[1]!.length;
      return expr.slice(0, at) + quick + expr.slice(at + 3);
    }
    return `${quick}+${expr}`;
  }
  const sides = quick.slice(1);
  if (!expr) return `1d${sides}`;
  const term = plainTerm(expr, sides);
  if (term) return expr.slice(0, term.index) + `${term.count + 1}d${sides}` + expr.slice(term.index + term.length);
  return `${expr}+1d${sides}`;
}

/** The first `NdS` (or `dS`) standing alone: no modifier after it, not part of a longer name or number. */
function plainTerm(expr: string, sides: string): { index: number; length: number; count: number } | null {
  const re = new RegExp(`(^|[^A-Za-z0-9])(\\d*)d${sides}(?![A-Za-z0-9!<>=%])`, 'g');
  const m = re.exec(expr);
  if (!m) return null;
  const index = m.index + m[1]!.length;
  return { index, length: m[0].length - m[1]!.length, count: m[2] ? Number(m[2]) : 1 };
}
