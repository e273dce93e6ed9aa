package dev.hearth.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;

/**
 * Runs one {@code INSERT ... VALUES (...), (...), ...} for many rows: one statement to parse and
 * one round trip, instead of one per row. Rows are sent in chunks so the bound parameters stay far
 * below every engine's limit (SQLite's is 32,766).
 */
final class MultiRow {

    static final int MAX_ROWS_PER_STATEMENT = 500;

    private MultiRow() {}

    static void execute(Connection c, String prefix, int columns, String suffix, List<Object[]> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement(prefix + placeholders(chunk.size(), columns) + suffix)) {
                int index = 1;
                for (Object[] row : chunk) {
                    for (Object value : row) {
                        bind(ps, index++, value);
                    }
                }
                ps.executeUpdate();
            }
        }
    }

    /** {@code (?, ?), (?, ?)} for two rows of two columns. */
    static String placeholders(int rows, int columns) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }

    static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.VARCHAR);
            case String s -> ps.setString(index, s);
            case Long l -> ps.setLong(index, l);
            case byte[] b -> ps.setBytes(index, b);
            default -> throw new IllegalStateException("unexpected column value " + value.getClass());
        }
    }
}
