/**
 * Accounts and sign-ins (refresh-token families): the {@link dev.hearth.store.accounts.AccountStore}
 * contract, its values, and {@link dev.hearth.store.accounts.JdbcAccountStore}, the implementation
 * on the event store's own SQLite or PostgreSQL database.
 */
package dev.hearth.store.accounts;
