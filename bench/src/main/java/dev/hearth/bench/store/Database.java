package dev.hearth.bench.store;

/** The engines the store benchmark can measure, by the name used on the command line and in results. */
enum Database {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String id;

    Database(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** A fresh, empty database of this engine, removed again when closed. */
    ScratchDatabase create(DatabaseSettings settings) {
        return switch (this) {
            case SQLITE -> SqliteScratch.create(settings);
            case POSTGRESQL -> PostgresScratch.create(settings);
        };
    }

    /** The engine's own version string, as it reports it. */
    String engineVersion(DatabaseSettings settings) {
        return switch (this) {
            case SQLITE -> SqliteScratch.engineVersion();
            case POSTGRESQL -> PostgresScratch.engineVersion(settings);
        };
    }
}
