// The campaign routes of docs/api.md, typed. Every call goes through HearthClient.request, so it
// carries the access token, refreshes it on a 401 and throws ApiError on a refusal.

import type { HearthClient } from './client';

export type Role = 'gm' | 'player' | 'spectator';
export const ROLES: readonly Role[] = ['gm', 'player', 'spectator'];

export interface CampaignSummary {
  id: string;
  name: string;
  ownerId: string;
  owner: boolean;
  createdAt: string;
  role: Role;
}

export interface Member {
  userId: string;
  displayName: string;
  role: Role;
  owner: boolean;
  joinedAt: string;
}

export interface GameSession {
  id: string;
  name: string;
  createdAt: string;
}

export interface Invite {
  id: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revoked: boolean;
}

/** Only the answer to creating an invite has its code: the server keeps a hash. */
export interface CreatedInvite extends Invite {
  code: string;
  acceptPath: string;
}

export interface CampaignDetail extends CampaignSummary {
  members: Member[];
  sessions: GameSession[];
  invites?: Invite[];
}

export interface AcceptedInvite {
  campaignId: string;
  role: Role;
  joined: boolean;
}

const path = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export async function listCampaigns(api: HearthClient): Promise<CampaignSummary[]> {
  return (await api.request<{ campaigns: CampaignSummary[] }>('GET', '/api/campaigns')).campaigns;
}

export function createCampaign(api: HearthClient, name: string): Promise<CampaignSummary> {
  return api.request('POST', '/api/campaigns', { name });
}

export function getCampaign(api: HearthClient, id: string): Promise<CampaignDetail> {
  return api.request('GET', path(id));
}

export function deleteCampaign(api: HearthClient, id: string): Promise<void> {
  return api.request('DELETE', path(id));
}

export function createInvite(api: HearthClient, id: string, role: Role): Promise<CreatedInvite> {
  return api.request('POST', `${path(id)}/invites`, { role });
}

export function revokeInvite(api: HearthClient, id: string, inviteId: string): Promise<void> {
  return api.request('DELETE', `${path(id)}/invites/${encodeURIComponent(inviteId)}`);
}

export function acceptInvite(api: HearthClient, code: string): Promise<AcceptedInvite> {
  return api.request('POST', `/api/invites/${encodeURIComponent(code)}/accept`);
}

export function changeRole(api: HearthClient, id: string, userId: string, role: Role): Promise<Member> {
  return api.request('PATCH', `${path(id)}/members/${encodeURIComponent(userId)}`, { role });
}

/** Removes a member; `ban` also bars the account from joining again by invite. */
export function removeMember(api: HearthClient, id: string, userId: string, ban = false): Promise<void> {
  return api.request('DELETE', `${path(id)}/members/${encodeURIComponent(userId)}${ban ? '?ban=true' : ''}`);
}

/** The owner hands the campaign to another GM, and stays a GM. */
export function transferOwnership(api: HearthClient, id: string, userId: string): Promise<void> {
  return api.request('POST', `${path(id)}/owner`, { userId });
}

export function createSession(api: HearthClient, id: string, name: string): Promise<GameSession> {
  return api.request('POST', `${path(id)}/sessions`, { name });
}

/** What the page may offer: the server's permission table (docs/api.md), for hiding controls only. */
export function canManageMember(viewer: { role: Role; owner: boolean }, member: Member): boolean {
  if (viewer.role !== 'gm' || member.owner) return false; // the owner stays GM
  return member.role !== 'gm' || viewer.owner; // demoting or removing a GM: owner only
}

/** Why an invite cannot be used, in words, from E013's `details.reason` (or E011 `banned`). */
export function inviteProblem(code: string, reason: unknown): string | null {
  if (code === 'E011' && reason === 'banned') {
    return 'You cannot join this campaign: a GM has banned your account from it.';
  }
  if (code !== 'E013') return null;
  switch (reason) {
    case 'expired':
      return 'This invite has expired. Ask your GM for a new link.';
    case 'exhausted':
      return 'This invite has been used up: every use it allowed is taken. Ask your GM for a new link.';
    case 'revoked':
      return 'This invite was revoked by a GM and no longer works. Ask your GM for a new link.';
    case 'unknown':
      return 'This invite link is not valid: no invite has this code. Check that you copied the whole link, or ask your GM for a new one.';
    default:
      return 'This invite cannot be used. Ask your GM for a new link.';
  }
}
