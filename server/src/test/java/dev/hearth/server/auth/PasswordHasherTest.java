package dev.hearth.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    final PasswordHasher cheap = new PasswordHasher(TestAuth.CHEAP_HASH, new SecureRandom());

    @Test
    void the_owasp_minimum_is_19_mib_2_iterations_1_lane_and_hashes_in_phc_form() {
        PasswordHashParameters owasp = PasswordHashParameters.OWASP_MINIMUM;
        assertThat(owasp.memoryKib()).isGreaterThanOrEqualTo(19 * 1024);
        assertThat(owasp.iterations()).isGreaterThanOrEqualTo(2);
        assertThat(owasp.parallelism()).isEqualTo(1);

        PasswordHasher hasher = new PasswordHasher(owasp, new SecureRandom());
        String hash = hasher.hash("correct horse battery");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.check("correct horse battery", hash)).isEqualTo(PasswordHasher.Check.MATCH);
        assertThat(hasher.check("correct horse batterz", hash)).isEqualTo(PasswordHasher.Check.MISMATCH);
    }

    @Test
    void a_hash_made_with_weaker_parameters_matches_but_asks_for_a_rehash() {
        String weak = cheap.hash("a password here");
        PasswordHasher raised = new PasswordHasher(new PasswordHashParameters(128, 1, 1), new SecureRandom());

        assertThat(raised.check("a password here", weak)).isEqualTo(PasswordHasher.Check.MATCH_NEEDS_REHASH);
        assertThat(raised.check("wrong password", weak)).isEqualTo(PasswordHasher.Check.MISMATCH);
    }

    @Test
    void a_stored_value_that_is_no_argon2id_hash_never_matches() {
        assertThat(cheap.check("", "")).isEqualTo(PasswordHasher.Check.MISMATCH);
        assertThat(cheap.check("x", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA")).isEqualTo(PasswordHasher.Check.MISMATCH);
        assertThat(cheap.check("x", "$argon2id$v=19$m=0,t=1,p=1$c2FsdHNhbHQ$aGFzaA")).isEqualTo(PasswordHasher.Check.MISMATCH);
    }

    @Property(tries = 30)
    void every_password_matches_its_own_hash_and_two_hashes_of_it_differ(@ForAll @StringLength(max = 64) String password) {
        String first = cheap.hash(password);
        String second = cheap.hash(password);

        assertThat(first).isNotEqualTo(second);
        assertThat(cheap.check(password, first)).isEqualTo(PasswordHasher.Check.MATCH);
        assertThat(cheap.check(password + "x", first)).isEqualTo(PasswordHasher.Check.MISMATCH);
    }
}
