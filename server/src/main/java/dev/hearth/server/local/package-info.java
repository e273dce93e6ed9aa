/**
 * Local mode ({@code hearth serve --local}): one person on their own machine, no login.
 * {@link dev.hearth.server.local.LocalTable} is the local user and its default campaign, created
 * once and found again on restart; {@link dev.hearth.server.local.LocalAuthentication} makes every
 * request that user and answers the account routes with {@code E014}.
 */
package dev.hearth.server.local;
