/**
 * Campaigns, members with their roles, bans, invites (stored by code hash) and game sessions: the
 * {@link dev.hearth.store.campaigns.CampaignStore} contract, its values, and {@link
 * dev.hearth.store.campaigns.JdbcCampaignStore}, the implementation on the event store's own SQLite
 * or PostgreSQL database.
 */
package dev.hearth.store.campaigns;
