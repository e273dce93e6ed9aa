/**
 * Secrets at rest: {@link dev.hearth.server.secrets.SecretBox} seals a value with AES-256-GCM under the
 * current {@link dev.hearth.server.secrets.DataKey} of a {@link dev.hearth.server.secrets.SecretKeys} set
 * and opens it with whichever key sealed it; {@link dev.hearth.server.secrets.SecretKeyFile} keeps the
 * keys in an owner-only file, {@link dev.hearth.server.secrets.SecretKeys#parse} reads them from the
 * environment; every place that keeps a sealed secret is a {@link dev.hearth.server.secrets.Resealable}
 * so {@link dev.hearth.server.secrets.KeyRotation} can move it to a new key.
 * {@link dev.hearth.server.secrets.OwnerOnlyFile} writes files atomically and checks their permissions.
 */
package dev.hearth.server.secrets;
