package dev.hearth.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.core.access.Role;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisibilityTest {

    @Test
    void everyone_allows_any_user_in_any_role() {
        for (Role role : Role.values()) {
            assertThat(Visibility.EVERYONE.allows("u-pia", role)).isTrue();
            assertThat(Visibility.EVERYONE.allows("u-anyone", role)).isTrue();
        }
        assertThat(Visibility.EVERYONE).isEqualTo(new Visibility.Everyone());
    }

    @Test
    void users_allows_exactly_those_users_whatever_their_role_and_no_gm_besides() {
        Visibility v = Visibility.only("u-pia", "u-paul");
        assertThat(v).isEqualTo(new Visibility.Users(Set.of("u-paul", "u-pia")));
        for (Role role : Role.values()) {
            assertThat(v.allows("u-pia", role)).as("u-pia as %s", role).isTrue();
            assertThat(v.allows("u-paul", role)).as("u-paul as %s", role).isTrue();
            assertThat(v.allows("u-gm", role)).as("u-gm as %s", role).isFalse();
        }
    }

    @Test
    void users_with_nobody_allows_nobody() {
        Visibility v = Visibility.only();
        for (Role role : Role.values()) {
            assertThat(v.allows("u-gm", role)).isFalse();
        }
    }

    @Test
    void gms_and_allows_every_gm_and_those_users_whatever_their_role() {
        Visibility v = new Visibility.GmsAnd(Set.of("u-pia"));
        assertThat(v.allows("u-gm", Role.GM)).isTrue();
        assertThat(v.allows("u-anyone", Role.GM)).isTrue();
        for (Role role : Role.values()) {
            assertThat(v.allows("u-pia", role)).as("u-pia as %s", role).isTrue();
        }
        assertThat(v.allows("u-paul", Role.PLAYER)).isFalse();
        assertThat(v.allows("u-sam", Role.SPECTATOR)).isFalse();
        assertThat(new Visibility.GmsAnd(Set.of()).allows("u-pia", Role.PLAYER)).isFalse();
    }

    @Test
    void the_user_sets_are_copies_that_cannot_change_afterwards() {
        Set<String> ids = new HashSet<>(Set.of("u-pia"));
        Visibility.Users users = new Visibility.Users(ids);
        Visibility.GmsAnd gmsAnd = new Visibility.GmsAnd(ids);
        ids.add("u-paul");
        assertThat(users.allows("u-paul", Role.PLAYER)).isFalse();
        assertThat(gmsAnd.allows("u-paul", Role.PLAYER)).isFalse();
        assertThat(users.userIds()).isUnmodifiable();
        assertThat(gmsAnd.userIds()).isUnmodifiable();
    }

    @Test
    void a_visibility_is_required() {
        assertThat(Visibility.requireNonNull(Visibility.EVERYONE)).isSameAs(Visibility.EVERYONE);
        assertThatThrownBy(() -> Visibility.requireNonNull(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("visibility");
    }
}
