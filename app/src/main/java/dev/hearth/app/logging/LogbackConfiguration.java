package dev.hearth.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Sets Logback up from configuration, replacing whatever it found on the class path: one console
 * appender on standard error (standard output is for what the command prints, e.g. the URL to
 * open), as text lines or one JSON object per line.
 */
public final class LogbackConfiguration {

    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{30} - %msg%n%ex";

    /**
     * Libraries that narrate their start and stop at INFO; at Hearth's default level they only speak
     * up with warnings. DEBUG or TRACE lets them talk again; WARN and above already silence them.
     */
    static final List<String> CHATTY_LIBRARIES = List.of("org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb");

    /** Flyway's one class that says which schema version the store is at and which migrations ran. */
    static final String MIGRATION_REPORT = "org.flywaydb.core.internal.command.DbMigrate";

    private final LogFormat format;
    private final LogLevel level;

    public LogbackConfiguration(LogFormat format, LogLevel level) {
        this.format = format;
        this.level = level;
    }

    /** Replaces Logback's configuration with this one. */
    public void apply() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();

        Encoder<ILoggingEvent> encoder = switch (format) {
            case TEXT -> {
                PatternLayoutEncoder text = new PatternLayoutEncoder();
                text.setPattern(TEXT_PATTERN);
                yield text;
            }
            case JSON -> {
                JsonEncoder json = new JsonEncoder();
                // One readable message per line: the formatted text, not the pattern and its arguments.
                json.setWithFormattedMessage(true);
                json.setWithMessage(false);
                json.setWithArguments(false);
                json.setWithSequenceNumber(false);
                json.setWithNanoseconds(false);
                json.setWithContext(false);
                yield json;
            }
        };
        encoder.setContext(context);
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level.name()));
        root.addAppender(console);
        if (level == LogLevel.INFO) {
            CHATTY_LIBRARIES.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
            context.getLogger(MIGRATION_REPORT).setLevel(Level.INFO);
        }
    }
}
