/**
 * Who may do what: {@link dev.hearth.core.access.Role} (GM, player, spectator), the {@link
 * dev.hearth.core.access.Permission} each command and query needs, an account's {@link
 * dev.hearth.core.access.Standing} in a campaign, and {@link dev.hearth.core.access.AccessPolicy},
 * the one table from roles and ownership to permissions, whose answer is a {@link
 * dev.hearth.core.access.Decision} value.
 */
package dev.hearth.core.access;
