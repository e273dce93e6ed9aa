// The initiative tracker's state: the latest encounter view (the welcome's `encounter`, then each
// `combat.view` frame; the server sends one after every committed combat command, already redacted
// for this member) and the combat commands, sent through the outbox. A refusal shows in `alert`.
import { humanMessage, isHearthError } from '../../lib/errors';
import type { Envelope } from '../../lib/realtime/envelope';
import type { CurrentUser } from '../../lib/tokens';
import type { TableClient } from '../table-model.svelte';
import { encounterOf, type CombatantKind, type DamageType, type Duration, type EncounterView } from './encounter';

export type CombatClient = Pick<TableClient, 'submit' | 'request' | 'on' | 'off'>;

export interface NewCombatant {
  name: string;
  kind: CombatantKind;
  /** For a PC: the player it belongs to. */
  ownerUserId?: string;
  /** One per member: a PC or NPC has one, a monster group 1-50. */
  maxHp: number[];
  initiativeModifier: number;
  hidden: boolean;
}

export class CombatModel {
  encounter = $state<EncounterView | null>(null);
  alert = $state('');

  constructor(
    private readonly client: CombatClient,
    readonly me: CurrentUser,
  ) {}

  start(): () => void {
    const welcome = (f: Envelope) => {
      if ('encounter' in f.payload) this.encounter = encounterOf(f.payload.encounter);
      else void this.refresh(); // a server that does not put it in the welcome still answers the request
    };
    const view = (f: Envelope) => (this.encounter = encounterOf(f.payload.encounter));
    this.client.on('welcome', welcome);
    this.client.on('combat.view', view);
    return () => {
      this.client.off('welcome', welcome);
      this.client.off('combat.view', view);
    };
  }

  async refresh(): Promise<void> {
    try {
      const reply = await this.client.request<{ encounter?: unknown }>('combat.view', {});
      this.encounter = encounterOf(reply?.encounter);
    } catch {
      // Nothing to show yet; the next combat.view frame brings it.
    }
  }

  /** Sends a combat command (`combat.` + the core command's name in snake_case); a refusal shows in `alert`. */
  command(name: string, payload: Record<string, unknown> = {}): void {
    this.alert = '';
    const { ack } = this.client.submit(`combat.${name}`, payload);
    ack.catch((e: unknown) => {
      this.alert = `Not done: ${humanMessage(isHearthError(e) ? e : { code: 'E009', message: '' })}`;
    });
  }

  startEncounter = () => this.command('start_encounter');
  endEncounter = () => this.command('end_encounter');
  rollInitiative = (combatantId?: string) =>
    this.command('roll_initiative', combatantId ? { combatantId, mode: 'normal' } : { mode: 'normal' });
  nextTurn = () => this.command('next_turn');
  previousTurn = () => this.command('previous_turn');
  undo = () => this.command('undo');
  move = (combatantId: string, position: number) => this.command('move_combatant', { combatantId, position });
  remove = (combatantId: string) => this.command('remove_combatant', { combatantId });
  reveal = (combatantId: string) => this.command('reveal', { combatantId });
  revealHp = (combatantId: string) => this.command('reveal_hp', { combatantId });
  delay = (combatantId: string) => this.command('delay', { combatantId });
  reEnter = (combatantId: string) => this.command('re_enter', { combatantId });
  ready = (combatantId: string, trigger: string) => this.command('ready', { combatantId, trigger: trigger.trim() });
  resolveReady = (combatantId: string, outcome: 'used' | 'expired') =>
    this.command('resolve_ready', { combatantId, outcome });
  damage = (creatureId: string, amount: number, type: DamageType, critical: boolean) =>
    this.command('damage', { creatureId, amount, type, critical });
  heal = (creatureId: string, amount: number) => this.command('heal', { creatureId, amount });
  grantTempHp = (creatureId: string, amount: number) => this.command('grant_temp_hp', { creatureId, amount });
  rollDeathSave = (creatureId: string) => this.command('roll_death_save', { creatureId });
  applyCondition = (creatureId: string, condition: string, duration: Duration) =>
    this.command('apply_condition', { creatureId, condition, duration });
  endCondition = (creatureId: string, condition: string) => this.command('end_condition', { creatureId, condition });
  resolveConcentration = (creatureId: string, modifier: number) =>
    this.command('resolve_concentration', { creatureId, save: { kind: 'rolled', modifier, mode: 'normal' } });
  endConcentration = (creatureId: string) => this.command('end_concentration', { creatureId });

  add(c: NewCombatant): void {
    const name = c.name.trim();
    const payload: Record<string, unknown> = {
      name,
      kind: c.kind,
      initiativeModifier: c.initiativeModifier,
      maxHp: c.maxHp,
      defenses: {},
      hidden: c.hidden,
    };
    if (c.kind === 'pc') {
      payload.ownerUserId = c.ownerUserId;
      // No character sheets yet: the PC links to its character by name until they exist.
      payload.characterId = name;
    }
    this.command('add_combatant', payload);
  }
}
