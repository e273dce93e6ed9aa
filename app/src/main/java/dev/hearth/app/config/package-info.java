/**
 * Hearth's configuration: {@link dev.hearth.app.config.HearthConfig} (typed records), built by
 * {@link dev.hearth.app.config.ConfigLoader} from defaults &lt; a YAML file &lt; {@code HEARTH_*}
 * environment variables &lt; flags.
 *
 * <p>{@link dev.hearth.app.config.ConfigKey} lists every key with its default and its {@link
 * dev.hearth.app.config.ValueType}; values keep their {@link dev.hearth.app.config.ConfigOrigin} so a
 * {@link dev.hearth.app.config.ConfigProblem} can say where to fix it, and {@link
 * dev.hearth.app.config.EffectiveConfig} can log them with secrets masked ({@link
 * dev.hearth.app.config.Secret}, {@link dev.hearth.app.config.DatabaseUrl#mask}).
 *
 * <p>One check spans keys: local mode ({@link dev.hearth.app.config.AuthMode#LOCAL}) is refused
 * unless {@code server.host} is loopback ({@code LoopbackHost}), since nobody logs in.
 */
package dev.hearth.app.config;
