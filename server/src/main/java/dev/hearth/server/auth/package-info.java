/**
 * Accounts and tokens over HTTP: {@link dev.hearth.server.auth.Authentication} (register, login,
 * refresh with rotation and reuse detection, logout, password change, deletion, bearer checks),
 * Argon2id password hashes ({@code PasswordHasher}), ES256 access tokens ({@code AccessTokens}) signed
 * by a rotating key file ({@link dev.hearth.server.auth.SigningKeyRing}, on disk a
 * {@link dev.hearth.server.auth.SigningKeyFile} with the private halves sealed), growing delays against
 * guessing ({@code AttemptLimiter}), and the endpoints with their cookie, Origin and CSRF rules
 * ({@link dev.hearth.server.auth.AuthEndpoints}).
 */
package dev.hearth.server.auth;
