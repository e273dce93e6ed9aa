/**
 * Secrets at rest, wired from the configuration: {@link dev.hearth.app.secrets.SecretsAtRest} says
 * where the keys come from (the key file or {@code HEARTH_SECRETS_KEY}) and lists every place that
 * keeps a sealed secret, so serving and key rotation agree on both.
 */
package dev.hearth.app.secrets;
