/**
 * {@code hearth admin}: operator tasks run against a stopped Hearth's data directory;
 * {@link dev.hearth.app.admin.RotateKeyCommand} rotates the secrets key.
 */
package dev.hearth.app.admin;
