// The dice tray's state: the expression being typed and its live check (a debounced
// `dice.probability` request), the roll mode, "chance to reach", rolling (`dice.roll` through the
// outbox) and the roll history (a `dice.log` page on a fresh welcome, then `dice.rolled` and
// `dice.hidden` events).
import { humanMessage, isHearthError, type HearthError } from '../../lib/errors';
import type { Envelope, Page, WelcomePayload } from '../../lib/realtime/envelope';
import type { CurrentUser } from '../../lib/tokens';
import type { TableClient } from '../table-model.svelte';
import {
  problemOf,
  withQuick,
  withRolls,
  type DiceEntry,
  type ExpressionProblem,
  type Probability,
  type Quick,
  type RollMode,
} from './rolls';

export type DiceClient = Pick<TableClient, 'submit' | 'request' | 'on' | 'off'>;

/** The live check waits for a pause in typing: `dice.probability` counts against the 20/s request limit. */
export const CHECK_DELAY_MS = 350;
const MAX_EXPRESSION = 500;

export class DiceModel {
  expression = $state('');
  mode = $state<RollMode>('public');
  /** "Chance to reach": a total to reach, or null. */
  atLeast = $state<number | null>(null);
  /** The odds of the current expression, when it is good and computable. */
  probability = $state<Probability | null>(null);
  /** Why the current expression is not dice notation (or cannot be rolled). */
  problem = $state<ExpressionProblem | null>(null);
  /** A remark that is not a problem: the odds are too hard to compute, but it rolls. */
  note = $state('');
  history = $state<DiceEntry[]>([]);
  historyBefore = $state<number | null>(null);
  loadingHistory = $state(false);
  alert = $state('');

  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Numbers the checks: only the answer to the latest one is shown. */
  private asked = 0;

  constructor(
    private readonly client: DiceClient,
    readonly me: CurrentUser,
    private readonly delayMs = CHECK_DELAY_MS,
  ) {}

  start(): () => void {
    const welcome = (f: Envelope) => {
      if ((f.payload as unknown as WelcomePayload).resumed) return; // the missed events follow
      this.history = [];
      this.historyBefore = null;
      void this.loadHistory(false);
    };
    const rolled = (f: Envelope) => (this.history = withRolls(this.history, [f]));
    this.client.on('welcome', welcome);
    this.client.on('dice.rolled', rolled);
    this.client.on('dice.hidden', rolled);
    return () => {
      if (this.timer) clearTimeout(this.timer);
      this.client.off('welcome', welcome);
      this.client.off('dice.rolled', rolled);
      this.client.off('dice.hidden', rolled);
    };
  }

  setExpression(text: string): void {
    this.expression = text.slice(0, MAX_EXPRESSION);
    this.scheduleCheck();
  }

  setAtLeast(value: number | null): void {
    this.atLeast = value !== null && Number.isFinite(value) ? Math.trunc(value) : null;
    this.scheduleCheck();
  }

  quick(q: Quick): void {
    this.setExpression(withQuick(this.expression, q));
  }

  /** Rolls the expression on the server; the result arrives as an event like everyone else's. */
  roll(): void {
    const expression = this.expression.trim();
    if (!expression) return;
    this.alert = '';
    const payload: Record<string, unknown> = { expression };
    if (this.mode !== 'public') payload.mode = this.mode;
    const { ack } = this.client.submit('dice.roll', payload);
    ack.catch((e: unknown) => {
      const error: HearthError = isHearthError(e) ? e : { code: 'E009', message: '' };
      if (error.code === 'E007' && this.expression.trim() === expression) {
        this.problem = problemOf(error);
        this.probability = null;
      }
      this.alert = `Not rolled: ${humanMessage(error)}`;
    });
  }

  async loadHistory(earlier: boolean): Promise<void> {
    if ((earlier && this.historyBefore === null) || this.loadingHistory) return;
    this.loadingHistory = true;
    try {
      const params: Record<string, unknown> = { limit: 50 };
      if (earlier) params.before = this.historyBefore;
      const page = await this.client.request<Page>('dice.log', params);
      const items = Array.isArray(page?.items) ? page.items : [];
      this.history = withRolls(this.history, items, Math.max(this.history.length + items.length, 1));
      this.historyBefore = typeof page?.nextBefore === 'number' ? page.nextBefore : null;
    } catch (e) {
      if (earlier) this.alert = humanMessage(isHearthError(e) ? e : { code: 'E001', message: '' });
    } finally {
      this.loadingHistory = false;
    }
  }

  private scheduleCheck(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.expression.trim()) {
      this.asked++;
      this.probability = null;
      this.problem = null;
      this.note = '';
      return;
    }
    this.timer = setTimeout(() => void this.check(), this.delayMs);
  }

  /** The live check: odds of a good expression, or where a bad one goes wrong. */
  async check(): Promise<void> {
    const n = ++this.asked;
    const params: Record<string, unknown> = { expression: this.expression.trim() };
    if (this.atLeast !== null) params.atLeast = this.atLeast;
    try {
      const p = await this.client.request<Probability>('dice.probability', params);
      if (n !== this.asked) return;
      this.probability = p;
      this.problem = null;
      this.note = '';
    } catch (e) {
      if (n !== this.asked) return;
      this.probability = null;
      const error = isHearthError(e) ? e : null;
      const reason = error?.details?.reason;
      if (error?.code === 'E007' && reason === 'too_complex') {
        // The calculator gives up on some expressions (deep explosions) that still roll fine.
        this.problem = null;
        this.note = 'Too complex to work out the odds; it can still be rolled.';
      } else if (error?.code === 'E007') {
        this.problem = problemOf(error);
        this.note = '';
      } else {
        // Not connected, or too many checks: say nothing rather than something wrong.
        this.problem = null;
        this.note = '';
      }
    }
  }
}
