/**
 * Campaigns over HTTP: {@link dev.hearth.server.campaigns.Campaigns}, the transport-free operations
 * (each names the permission it needs and asks core's {@code AccessPolicy}), and {@link
 * dev.hearth.server.campaigns.CampaignEndpoints}, their HTTP face; invite codes (256 random bits,
 * stored as SHA-256), name and id rules.
 */
package dev.hearth.server.campaigns;
