// The live table's state, fed by the realtime client's frames: who is here, chat (committed and
// optimistic lines), activity, typing, and the connection; the dice tray, the initiative tracker
// and the shared map have their own models on the same client. The page only renders it and calls
// its actions; tests drive it with a fake client.
import { humanMessage, isHearthError, type HearthError } from '../lib/errors';
import type { ConnectionStatus, RealtimeClient } from '../lib/realtime/client';
import type { Ack, Envelope, Page, PresenceStatus, PresenceUser, Role, WelcomePayload } from '../lib/realtime/envelope';
import type { CurrentUser } from '../lib/tokens';
import { isActivity, lineOf, mergeBySeq, type ChatKind, type ChatLine, type Recipients } from './lines';
import { DiceModel } from './dice/dice-model.svelte';
import { isGameEvent, shownOnFeed } from './game-activity';
import { isEvent } from '../lib/realtime/envelope';
import { CombatModel } from './combat/combat-model.svelte';
import { MapModel } from './map/map-model.svelte';

export interface Seat {
  userId: string;
  displayName: string;
  role: Role;
}

/** What the model needs of RealtimeClient (a fake in tests). */
export type TableClient = Pick<
  RealtimeClient,
  'connect' | 'disconnect' | 'submit' | 'request' | 'ephemeral' | 'on' | 'off' | 'onStatus' | 'pending'
>;

/** How long a "typing" lasts without a renewal, and how often ours is renewed. */
const TYPING_SHOWN_MS = 6000;
const TYPING_RENEW_MS = 3000;
const TYPING_STOP_MS = 4000;

export class TableModel {
  status = $state<ConnectionStatus>({ state: 'connecting', transport: 'websocket', latency: null, retryAt: null, problem: null });
  role = $state<Role | null>(null);
  sessionName = $state('');
  /** The session's campaign, from the welcome. */
  campaignId = $state('');
  presence = $state<PresenceUser[]>([]);
  seated = $state<Seat[]>([]);
  lines = $state<ChatLine[]>([]);
  pending = $state<ChatLine[]>([]);
  chatBefore = $state<number | null>(null);
  activity = $state<(Envelope & { seq: number })[]>([]);
  activityBefore = $state<number | null>(null);
  typingUntil = $state<Record<string, number>>({});
  alert = $state('');
  loadingChat = $state(false);
  loadingActivity = $state(false);

  private typingSentAt = 0;
  private typingStop: ReturnType<typeof setTimeout> | null = null;
  private presenceSent: PresenceStatus = 'active';

  readonly dice: DiceModel;
  readonly combat: CombatModel;
  readonly map: MapModel;

  constructor(
    private readonly client: TableClient,
    readonly me: CurrentUser,
    private readonly now: () => number = Date.now,
  ) {
    this.dice = new DiceModel(client, me);
    this.combat = new CombatModel(client, me);
    this.map = new MapModel(client, me, () => this.combat.encounter);
  }

  /** Display names by user id, from everyone seen at the table. */
  get names(): Map<string, string> {
    const names = new Map<string, string>([[this.me.userId, this.me.displayName]]);
    for (const s of this.seated) names.set(s.userId, s.displayName);
    for (const p of this.presence) names.set(p.userId, p.displayName);
    return names;
  }

  /** Who may own a player character: the GMs and players at the table (oneself included), by name. */
  get players(): Seat[] {
    const byId = new Map<string, Seat>([[this.me.userId, { ...this.me, role: this.role ?? 'player' }]]);
    for (const s of [...this.seated, ...this.presence]) byId.set(s.userId, { userId: s.userId, displayName: s.displayName, role: s.role });
    return [...byId.values()]
      .filter((s) => s.role !== 'spectator')
      .sort((a, b) => (a.role === b.role ? a.displayName.localeCompare(b.displayName) : a.role === 'player' ? -1 : 1));
  }

  /** Whom a whisper may go to: the others at the table, by name. */
  get others(): Seat[] {
    const byId = new Map<string, Seat>();
    for (const s of [...this.seated, ...this.presence]) {
      if (s.userId !== this.me.userId) byId.set(s.userId, { userId: s.userId, displayName: s.displayName, role: s.role });
    }
    return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  typingNames(now: number): string[] {
    const names = this.names;
    return Object.entries(this.typingUntil)
      .filter(([id, until]) => until > now && id !== this.me.userId)
      .map(([id]) => names.get(id) ?? 'Someone');
  }

  /** Subscribes and connects; returns the teardown. */
  start(): () => void {
    const handlers: [string, (f: Envelope) => void][] = [
      ['welcome', (f) => this.welcome(f)],
      ['chat.posted', (f) => this.chatPosted(f)],
      ['member.arrived', (f) => this.arrived(f)],
      ['member.left', (f) => this.left(f)],
      ['presence_update', (f) => (this.presence = (f.payload as { users?: PresenceUser[] }).users ?? [])],
      ['typing', (f) => this.typing(f)],
      ['*', (f) => this.gameEvent(f)],
      ['ack', (f) => this.acked(f)],
      ['error', (f) => this.refused(f)],
    ];
    for (const [type, h] of handlers) this.client.on(type, h);
    const stopDice = this.dice.start();
    const stopCombat = this.combat.start();
    const stopMap = this.map.start();
    const unsubscribe = this.client.onStatus((s) => {
      this.status = s;
      if (s.state === 'open') for (const l of this.pending) if (l.pending === 'queued') l.pending = 'sending';
    });
    // Lines of a previous page that never got their ack: shown as pending until the replay settles them.
    void this.client.pending().then((entries) => {
      const restored: ChatLine[] = [];
      for (const e of entries) {
        if (e.type !== 'chat.post' || this.pending.some((l) => l.key === e.id)) continue;
        const payload = (JSON.parse(e.frame) as { payload: { text: string; kind?: ChatKind; to?: Recipients } }).payload;
        restored.push(this.pendingLine(e.id, payload.text, payload.kind ?? 'ooc', payload.to ?? 'table'));
      }
      this.pending = [...restored, ...this.pending];
    });
    this.client.connect().catch(() => undefined); // a refusal shows in the status
    return () => {
      unsubscribe();
      stopDice();
      stopCombat();
      stopMap();
      for (const [type, h] of handlers) this.client.off(type, h);
      if (this.typingStop) clearTimeout(this.typingStop);
      this.client.disconnect();
    };
  }

  // ------------------------------------------------------------------ actions

  /** Sends a chat line, shown at once as pending. */
  post(text: string, kind: ChatKind, to: Recipients): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    const payload: Record<string, unknown> = { text: trimmed, kind };
    if (to !== 'table') payload.to = to;
    this.alert = '';
    this.stopTyping();
    const { id, ack } = this.client.submit('chat.post', payload);
    this.pending.push(this.pendingLine(id, trimmed, kind, to));
    // Settled by the `ack`/`error` frames (they also settle lines restored after a reload); a
    // refusal that never reached the server (too large) only rejects here.
    ack.catch((e: unknown) => {
      if (this.pending.some((l) => l.key === id)) this.drop(id, isHearthError(e) ? e : { code: 'E009', message: '' });
    });
  }

  async loadEarlierChat(): Promise<void> {
    if (this.chatBefore === null || this.loadingChat) return;
    this.loadingChat = true;
    try {
      const page = await this.client.request<Page>('chat.history', { before: this.chatBefore, limit: 50 });
      this.lines = mergeBySeq(this.lines, page.items.map(lineOf));
      this.chatBefore = page.nextBefore;
    } catch (e) {
      this.alert = humanMessage(isHearthError(e) ? e : { code: 'E001', message: '' });
    } finally {
      this.loadingChat = false;
    }
  }

  async loadActivity(earlier: boolean): Promise<void> {
    if ((earlier && this.activityBefore === null) || this.loadingActivity) return;
    this.loadingActivity = true;
    try {
      const params: Record<string, unknown> = { limit: 50 };
      if (earlier) params.before = this.activityBefore;
      const page = await this.client.request<Page>('activity.feed', params);
      const items = (page.items as (Envelope & { seq: number })[]).filter(shownOnFeed);
      this.activity = mergeBySeq(this.activity, items);
      this.activityBefore = page.nextBefore;
    } catch (e) {
      if (earlier) this.alert = humanMessage(isHearthError(e) ? e : { code: 'E001', message: '' });
    } finally {
      this.loadingActivity = false;
    }
  }

  /** Called on input in the message box: `typing: true` at most every few seconds, `false` after a pause. */
  typed(): void {
    const now = this.now();
    if (now - this.typingSentAt > TYPING_RENEW_MS) {
      this.typingSentAt = now;
      this.client.ephemeral('typing', { typing: true });
    }
    if (this.typingStop) clearTimeout(this.typingStop);
    this.typingStop = setTimeout(() => this.stopTyping(), TYPING_STOP_MS);
  }

  /** `presence_update` only on a change: visibility and inactivity move it between active, idle and away. */
  setPresence(status: PresenceStatus): void {
    if (status === this.presenceSent) return;
    this.presenceSent = status;
    this.client.ephemeral('presence_update', { status });
  }

  // ------------------------------------------------------------------ frames

  private welcome(f: Envelope): void {
    const w = f.payload as unknown as WelcomePayload;
    this.role = w.role;
    this.sessionName = w.sessionName ?? this.sessionName;
    this.campaignId = w.campaignId ?? this.campaignId;
    if (w.presence) this.presence = w.presence.users;
    if (this.presenceSent !== 'active') this.client.ephemeral('presence_update', { status: this.presenceSent });
    if (!w.resumed) {
      // A fresh view replaces what was held (a first connect, or a resume the server could not honour).
      this.seated = w.view?.seated ?? [];
      this.lines = (w.chat?.items ?? []).map(lineOf);
      this.chatBefore = w.chat?.nextBefore ?? null;
      this.activity = [];
      this.activityBefore = null;
      this.settleByEvents();
      void this.loadActivity(false);
    }
  }

  private chatPosted(f: Envelope): void {
    this.lines = mergeBySeq(this.lines, [lineOf(f)]);
    if (isActivity(f)) this.activity = mergeBySeq(this.activity, [f as Envelope & { seq: number }]);
    this.typingUntil = { ...this.typingUntil, [(f.payload as { userId: string }).userId]: 0 };
    this.settleByEvents();
  }

  private arrived(f: Envelope): void {
    const seat = f.payload as unknown as Seat;
    this.seated = [...this.seated.filter((s) => s.userId !== seat.userId), seat];
    this.activity = mergeBySeq(this.activity, [f as Envelope & { seq: number }]);
  }

  private left(f: Envelope): void {
    const id = (f.payload as { userId: string }).userId;
    this.seated = this.seated.filter((s) => s.userId !== id);
    this.activity = mergeBySeq(this.activity, [f as Envelope & { seq: number }]);
  }

  /** Rolls and combat events go on the activity feed too, as the server's feed has them. */
  private gameEvent(f: Envelope): void {
    if (isEvent(f) && isGameEvent(f) && shownOnFeed(f)) this.activity = mergeBySeq(this.activity, [f]);
  }

  private typing(f: Envelope): void {
    const p = f.payload as { userId?: string; typing?: boolean };
    if (!p.userId || p.userId === this.me.userId) return;
    this.typingUntil = { ...this.typingUntil, [p.userId]: p.typing ? this.now() + TYPING_SHOWN_MS : 0 };
  }

  private acked(f: Envelope): void {
    const line = this.pending.find((l) => l.key === f.re);
    if (!line) return;
    const ack = f.payload as unknown as Ack;
    line.seq = ack.seq;
    line.pending = 'sent';
    // A duplicate's or an empty command's event was delivered before (or never will be): nothing to wait for.
    if (ack.duplicate || ack.events === 0) this.pending = this.pending.filter((l) => l !== line);
    this.settleByEvents();
  }

  private refused(f: Envelope): void {
    if (f.re && this.pending.some((l) => l.key === f.re)) this.drop(f.re, f.payload as unknown as HearthError);
  }

  /** A pending line whose event has arrived is now a committed line. */
  private settleByEvents(): void {
    const committed = new Set(this.lines.map((l) => l.seq));
    if (this.pending.some((l) => l.pending === 'sent' && committed.has(l.seq))) {
      this.pending = this.pending.filter((l) => !(l.pending === 'sent' && committed.has(l.seq)));
    }
  }

  private drop(id: string, error: HearthError): void {
    this.pending = this.pending.filter((l) => l.key !== id);
    this.alert = `Your message was not sent: ${humanMessage(error)}`;
  }

  private stopTyping(): void {
    if (this.typingStop) clearTimeout(this.typingStop);
    this.typingStop = null;
    if (this.typingSentAt !== 0) {
      this.typingSentAt = 0;
      this.client.ephemeral('typing', { typing: false });
    }
  }

  private pendingLine(id: string, text: string, kind: ChatKind, to: Recipients): ChatLine {
    return {
      key: id,
      seq: null,
      userId: this.me.userId,
      displayName: this.me.displayName,
      kind,
      text,
      to,
      pending: this.status.state === 'open' ? 'sending' : 'queued',
    };
  }
}
