package dev.hearth.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void a_postgresql_url_with_credentials_becomes_a_jdbc_url_without_them() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://gm:pa%40ss+word@db.example:5433/hearth?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/hearth?sslmode=require");
        assertThat(url.user()).hasValue("gm");
        assertThat(url.password()).map(Secret::value).hasValue("pa@ss+word");
    }

    @Test
    void postgres_scheme_and_missing_database_are_accepted() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://localhost");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/");
        assertThat(url.user()).isEmpty();
        assertThat(url.password()).isEmpty();
    }

    @Test
    void a_jdbc_url_loses_its_user_and_password_parameters_only() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h1:5432,h2:5432/test?user=gm&ssl=true&password=x%26y");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5432/test?ssl=true");
        assertThat(url.user()).hasValue("gm");
        assertThat(url.password()).map(Secret::value).hasValue("x&y");
    }

    @Test
    void other_databases_are_rejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://localhost/hearth")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:sqlite:hearth.db")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void to_string_never_shows_the_password() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://gm:topsecret@db/hearth");

        assertThat(url.toString()).isEqualTo("jdbc:postgresql://db/hearth as gm").doesNotContain("topsecret");
        assertThat(url.password().orElseThrow().toString()).isEqualTo("****");
    }

    @Test
    void mask_hides_passwords_in_both_forms_even_in_urls_that_do_not_parse() {
        assertThat(DatabaseUrl.mask("postgresql://gm:topsecret@db/hearth")).isEqualTo("postgresql://gm:****@db/hearth");
        assertThat(DatabaseUrl.mask("jdbc:postgresql://db/hearth?user=gm&password=topsecret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/hearth?user=gm&password=****&ssl=true");
        assertThat(DatabaseUrl.mask("mysql://root:topsecret@db/x")).isEqualTo("mysql://root:****@db/x");
        assertThat(DatabaseUrl.mask("postgresql://gm@db/hearth")).isEqualTo("postgresql://gm@db/hearth");
    }
}
