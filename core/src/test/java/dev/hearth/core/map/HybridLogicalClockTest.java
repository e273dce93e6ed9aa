package dev.hearth.core.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridLogicalClockTest {

    @Test
    void timestamps_order_by_wall_time_then_counter_then_node() {
        List<Hlc> sorted = List.of(new Hlc(1, 5, "z"), new Hlc(2, 0, "a"), new Hlc(2, 1, "a"), new Hlc(2, 1, "b"));
        List<Hlc> shuffled = new ArrayList<>(sorted);
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertThat(shuffled).isEqualTo(sorted);
        assertThat(new Hlc(2, 1, "b").after(new Hlc(2, 1, "a"))).isTrue();
        assertThat(Hlc.max(new Hlc(1, 0, "a"), new Hlc(0, 9, "z"))).isEqualTo(new Hlc(1, 0, "a"));
    }

    @Test
    void tick_follows_the_wall_clock_and_counts_within_a_millisecond() {
        Hlc a = HybridLogicalClock.tick(Hlc.ZERO, 1000, "s");
        assertThat(a).isEqualTo(new Hlc(1000, 0, "s"));
        Hlc b = HybridLogicalClock.tick(a, 1000, "s");
        assertThat(b).isEqualTo(new Hlc(1000, 1, "s"));
        assertThat(HybridLogicalClock.tick(b, 1005, "s")).isEqualTo(new Hlc(1005, 0, "s"));
    }

    @Test
    void tick_never_goes_back_when_the_wall_clock_does() {
        Hlc a = new Hlc(5000, 3, "s");
        Hlc b = HybridLogicalClock.tick(a, 4000, "s");
        assertThat(b).isEqualTo(new Hlc(5000, 4, "s"));
        assertThat(b.after(a)).isTrue();
    }

    @Test
    void receive_orders_after_both_the_local_clock_and_the_remote_stamp() {
        Hlc local = new Hlc(1000, 2, "s");
        Hlc remote = new Hlc(1000, 7, "c");
        Hlc r = HybridLogicalClock.receive(local, remote, 900, "s");
        assertThat(r).isEqualTo(new Hlc(1000, 8, "s"));
        assertThat(HybridLogicalClock.receive(local, new Hlc(1200, 4, "c"), 900, "s")).isEqualTo(new Hlc(1200, 5, "s"));
        assertThat(HybridLogicalClock.receive(local, new Hlc(10, 4, "c"), 900, "s")).isEqualTo(new Hlc(1000, 3, "s"));
        assertThat(HybridLogicalClock.receive(local, new Hlc(10, 4, "c"), 2000, "s")).isEqualTo(new Hlc(2000, 0, "s"));
    }

    @Test
    void a_stamp_further_ahead_than_the_skew_bound_is_clamped() {
        long now = 1_000_000;
        Hlc far = new Hlc(now + 3_600_000, 2, "c");
        assertThat(HybridLogicalClock.clamp(far, now)).isEqualTo(new Hlc(now + HybridLogicalClock.MAX_SKEW_MILLIS, 2, "c"));
        Hlc near = new Hlc(now + 59_000, 2, "c");
        assertThat(HybridLogicalClock.clamp(near, now)).isSameAs(near);
        assertThat(HybridLogicalClock.receive(Hlc.ZERO, far, now, "s").wallMillis())
                .isEqualTo(now + HybridLogicalClock.MAX_SKEW_MILLIS);
    }

    @Test
    void a_full_counter_moves_to_the_next_millisecond_instead_of_overflowing() {
        Hlc full = new Hlc(1000, HybridLogicalClock.MAX_COUNTER, "s");
        assertThat(HybridLogicalClock.tick(full, 1000, "s")).isEqualTo(new Hlc(1001, 0, "s"));
    }

    @Test
    void a_register_keeps_the_later_write_whatever_the_order() {
        Lww<String> r = new Lww<>("a", new Hlc(5, 0, "x"));
        Lww<String> later = r.merge("b", new Hlc(6, 0, "x"));
        assertThat(later).isEqualTo(new Lww<>("b", new Hlc(6, 0, "x")));
        assertThat(later.merge("c", new Hlc(5, 9, "x"))).isSameAs(later);
        assertThat(r.merge("c", new Hlc(5, 0, "x"))).isSameAs(r);
    }
}
