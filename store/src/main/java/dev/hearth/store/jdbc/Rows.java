package dev.hearth.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Writes rows of plain column values ({@code String}, {@code Long}, {@code byte[]}, null) with one JDBC batch. */
final class Rows {

    private Rows() {}

    static void executeBatch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(ps, i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.VARCHAR);
            case String s -> ps.setString(index, s);
            case Long l -> ps.setLong(index, l);
            case byte[] b -> ps.setBytes(index, b);
            default -> throw new IllegalStateException("unexpected column value " + value.getClass());
        }
    }
}
