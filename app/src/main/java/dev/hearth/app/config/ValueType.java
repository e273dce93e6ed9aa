package dev.hearth.app.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The kind of value a key takes: how text becomes a typed value, and what is allowed, in words,
 * for the message when it does not.
 *
 * @param <T> the typed value
 */
public sealed interface ValueType<T> {

    /**
     * The typed value of {@code text}.
     *
     * @throws IllegalArgumentException if {@code text} is not allowed; the message is not shown,
     *     {@link #allowed()} is
     */
    T parse(String text);

    /** What is allowed, completing "expected ...". */
    String allowed();

    /** A whole number in {@code [min, max]}. */
    record WholeNumber(int min, int max) implements ValueType<Integer> {
        @Override
        public Integer parse(String text) {
            int value = Integer.parseInt(text.strip().replace("_", ""));
            if (value < min || value > max) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        }

        @Override
        public String allowed() {
            return "a whole number from " + min + " to " + max;
        }
    }

    /**
     * A duration in {@code [min, max]}: a number and a unit ({@code 500ms}, {@code 2s}, {@code 1m}),
     * {@code 0}, or ISO-8601 ({@code PT2S}).
     */
    record TimeSpan(Duration min, Duration max) implements ValueType<Duration> {

        private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|h)");

        @Override
        public Duration parse(String text) {
            Duration value = read(text.strip().toLowerCase(Locale.ROOT));
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        }

        private static Duration read(String text) {
            if (text.equals("0")) {
                return Duration.ZERO;
            }
            Matcher m = NUMBER_AND_UNIT.matcher(text);
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ns" -> Duration.ofNanos(amount);
                    case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1_000L));
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> throw new IllegalArgumentException("unknown unit");
                };
            }
            try {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration", e);
            }
        }

        @Override
        public String allowed() {
            return "a duration from " + format(min) + " to " + format(max)
                    + " written as a number and a unit (ms, s, m, h), e.g. 250ms or 10s";
        }
    }

    /** One of an enum's constants, named in any case. */
    record Choice<E extends Enum<E>>(Class<E> type) implements ValueType<E> {
        @Override
        public E parse(String text) {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        @Override
        public String allowed() {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
    }

    /** Text matching a pattern, described in words. */
    record Text(Pattern pattern, String description) implements ValueType<String> {
        @Override
        public String parse(String text) {
            if (!pattern.matcher(text).matches()) {
                throw new IllegalArgumentException("no match");
            }
            return text;
        }

        @Override
        public String allowed() {
            return description;
        }
    }

    /** Any text, the empty text included. */
    record AnyText() implements ValueType<String> {
        @Override
        public String parse(String text) {
            return text;
        }

        @Override
        public String allowed() {
            return "any text";
        }
    }

    /** A password or similar: any text, never shown. */
    record SecretText() implements ValueType<Secret> {
        @Override
        public Secret parse(String text) {
            return new Secret(text);
        }

        @Override
        public String allowed() {
            return "any text";
        }
    }

    /** A file system path, relative ones resolved against the working directory. */
    record FilePath() implements ValueType<Path> {
        @Override
        public Path parse(String text) {
            if (text.isBlank()) {
                throw new IllegalArgumentException("blank");
            }
            try {
                return Path.of(text.strip()).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("invalid path", e);
            }
        }

        @Override
        public String allowed() {
            return "a directory path, absolute or relative to the working directory";
        }
    }

    /** Empty for the embedded SQLite store, else where PostgreSQL is. */
    record PostgresLocation() implements ValueType<Optional<DatabaseUrl>> {
        @Override
        public Optional<DatabaseUrl> parse(String text) {
            return text.isBlank() ? Optional.empty() : Optional.of(DatabaseUrl.parse(text));
        }

        @Override
        public String allowed() {
            return DatabaseUrl.FORMS;
        }
    }

    /** {@code true} or {@code false}. */
    record Flag() implements ValueType<Boolean> {
        @Override
        public Boolean parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("not a flag");
            };
        }

        @Override
        public String allowed() {
            return "true or false";
        }
    }

    /** Comma-separated web origins ({@code https://table.example}, {@code http://localhost:5173}); may be empty. */
    record OriginList() implements ValueType<List<String>> {

        private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.-]+(:\\d{1,5})?|https?://\\[[0-9a-f:]+\\](:\\d{1,5})?");

        @Override
        public List<String> parse(String text) {
            List<String> origins = Arrays.stream(text.split(","))
                    .map(String::strip)
                    .filter(o -> !o.isEmpty())
                    .map(o -> o.toLowerCase(Locale.ROOT))
                    .toList();
            for (String origin : origins) {
                if (!ORIGIN.matcher(origin).matches()) {
                    throw new IllegalArgumentException("not an origin");
                }
            }
            return origins;
        }

        @Override
        public String allowed() {
            return "comma-separated origins, scheme, host and optional port without a path,"
                    + " e.g. https://table.example,http://localhost:5173";
        }
    }

    /** Comma-separated usernames, as accounts have them (3-32 of a-z, 0-9, '_', '.', '-'). */
    record UsernameList() implements ValueType<List<String>> {

        private static final Pattern USERNAME = Pattern.compile("[a-z0-9_.-]{3,32}");

        @Override
        public List<String> parse(String text) {
            List<String> names = Arrays.stream(text.split(","))
                    .map(String::strip)
                    .filter(n -> !n.isEmpty())
                    .map(n -> n.toLowerCase(Locale.ROOT))
                    .toList();
            for (String name : names) {
                if (!USERNAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("not a username");
                }
            }
            return names;
        }

        @Override
        public String allowed() {
            return "comma-separated usernames, e.g. alice,bob";
        }
    }

    /** A duration as people write it in configuration: {@code 2ms}, {@code 10s}, {@code 0s}. */
    static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.toNanos() % 1_000_000 != 0) {
            return d.toNanos() % 1_000 == 0 ? d.toNanos() / 1_000 + "us" : d.toNanos() + "ns";
        }
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1_000 == 0 ? ms / 1_000 + "s" : ms + "ms";
    }
}
