package dev.hearth.app.config;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * One thing wrong with the configuration, as a message that names the key, the bad value, where it
 * came from and what is allowed.
 */
public record ConfigProblem(String message) {

    /** A known key with a value its type does not allow. */
    static ConfigProblem invalidValue(ConfigKey<?> key, RawSetting setting) {
        return new ConfigProblem(key.name() + " = \"" + key.display(setting.value()) + "\" ("
                + setting.origin().describe() + "): expected " + key.type().allowed());
    }

    /** A key Hearth does not know: most likely a typo, so it is an error rather than silently ignored. */
    static ConfigProblem unknownKey(String name, ConfigOrigin origin) {
        return new ConfigProblem("unknown key \"" + name + "\" (" + origin.describe() + "): " + suggestion(name));
    }

    /** Local mode asked for on a host other machines can reach: it has no login, so it would let anyone in. */
    static ConfigProblem localModeOffLoopback(RawSetting host) {
        return new ConfigProblem("server.host = \"" + host.value() + "\" (" + host.origin().describe()
                + ") is not a loopback address, and local mode (--local, auth.mode=local) has no login:"
                + " anyone who could connect would be the GM. Listen on this machine only (--host 127.0.0.1,"
                + " localhost or ::1), or drop --local to serve other machines with accounts.");
    }

    /** The configuration file as a whole cannot be used. */
    static ConfigProblem file(Path file, String problem) {
        return new ConfigProblem("config file " + file + ": " + problem);
    }

    private static String suggestion(String name) {
        ConfigKey<?> closest = ConfigKey.ALL.stream()
                .min(Comparator.comparingInt(k -> editDistance(k.name(), name)))
                .orElseThrow();
        if (editDistance(closest.name(), name) <= Math.max(2, name.length() / 4)) {
            return "did you mean " + closest.name() + "?";
        }
        return "known keys are " + ConfigKey.ALL.stream().map(ConfigKey::name).collect(Collectors.joining(", "));
    }

    /** Levenshtein distance: how many single-character edits turn {@code a} into {@code b}. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
