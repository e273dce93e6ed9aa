package dev.hearth.store.jdbc;

import dev.hearth.store.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a database's schema to this version of Hearth with Flyway; engines keep their own scripts. */
public final class Migrations {

    private Migrations() {}

    /**
     * Applies pending migrations. Refuses, without changing anything, a database that holds tables
     * Hearth did not create, or that a newer Hearth migrated.
     *
     * @param schema the schema to migrate, or null for the engine's default
     */
    public static void migrate(DataSource dataSource, Engine engine, String schema, String where) {
        var config = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + engine.id())
                .failOnMissingLocations(true)
                .validateMigrationNaming(true);
        if (schema != null) {
            config.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        try {
            config.load().migrate();
        } catch (FlywayException e) {
            throw new StoreException(explain(e, where), e);
        }
    }

    private static String explain(FlywayException e, String where) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("non-empty schema") || message.contains("without schema history")) {
            return where + " holds tables that Hearth did not create. Hearth leaves it untouched:"
                    + " point Hearth at an empty database or schema, or at its own data directory.";
        }
        if (message.contains("not resolved locally") || message.contains("newer")) {
            return where + " was migrated by a newer version of Hearth. Upgrade Hearth, or restore a backup"
                    + " made by this version.";
        }
        return "could not migrate " + where + ": " + message.lines().findFirst().orElse(message);
    }
}
