package dev.hearth.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.server.auth.AuthSettings;
import dev.hearth.server.auth.PasswordHashParameters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code auth.*} keys: production defaults, and values configuration may not weaken. */
class AuthConfigTest {

    static EffectiveConfig load(Map<String, String> env) {
        return new ConfigLoader(env).load(Optional.empty(), List.of());
    }

    @Test
    void production_defaults_hash_passwords_at_least_at_the_owasp_minimum_with_short_access_tokens() {
        AuthSettings settings = HearthConfig.defaults().auth().settings();
        PasswordHashParameters owasp = PasswordHashParameters.OWASP_MINIMUM;

        assertThat(settings.passwordHash().memoryKib()).isGreaterThanOrEqualTo(19 * 1024).isGreaterThanOrEqualTo(owasp.memoryKib());
        assertThat(settings.passwordHash().iterations()).isGreaterThanOrEqualTo(2);
        assertThat(settings.passwordHash().parallelism()).isGreaterThanOrEqualTo(1);
        assertThat(settings.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.refreshTokenTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.cookieSecure()).isTrue();
        assertThat(settings.allowedOrigins()).isEmpty();
        assertThat(settings.registrationsPerIp()).isEqualTo(5);
    }

    @Test
    void registrations_per_ip_may_be_raised_but_not_below_one() {
        assertThat(load(Map.of("HEARTH_AUTH_REGISTRATIONS_PER_IP", "2000")).config().auth().settings().registrationsPerIp())
                .isEqualTo(2000);
        assertThatThrownBy(() -> load(Map.of("HEARTH_AUTH_REGISTRATIONS_PER_IP", "0")))
                .hasMessageContaining("auth.registrations-per-ip");
    }

    @Test
    void password_hash_costs_below_the_owasp_minimum_are_refused() {
        assertThatThrownBy(() -> load(Map.of("HEARTH_AUTH_PASSWORD_HASH_MEMORY_KIB", "19455",
                        "HEARTH_AUTH_PASSWORD_HASH_ITERATIONS", "1")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void allowed_origins_are_a_comma_separated_list_of_origins_without_paths() {
        HearthConfig config = load(Map.of("HEARTH_AUTH_ALLOWED_ORIGINS", "https://Table.example, http://localhost:5173")).config();

        assertThat(config.auth().allowedOrigins()).containsExactly("https://table.example", "http://localhost:5173");
        assertThatThrownBy(() -> load(Map.of("HEARTH_AUTH_ALLOWED_ORIGINS", "https://table.example/app")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("auth.allowed-origins");
        assertThatThrownBy(() -> load(Map.of("HEARTH_AUTH_COOKIE_SECURE", "yes")))
                .hasMessageContaining("expected true or false");
    }
}
