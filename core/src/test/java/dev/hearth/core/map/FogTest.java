package dev.hearth.core.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FogTest {

    static FogOp reveal(FogArea area) {
        return new FogOp(FogMode.REVEAL, area);
    }

    static FogOp hide(FogArea area) {
        return new FogOp(FogMode.HIDE, area);
    }

    @Test
    void a_fogged_map_is_fogged_everywhere_until_revealed_and_a_clear_one_nowhere() {
        assertThat(Fog.FOGGED.covers(0, 0)).isTrue();
        assertThat(Fog.FOGGED.covers(-999_999, 999_999)).isTrue();
        assertThat(Fog.CLEAR.covers(0, 0)).isFalse();
    }

    @Test
    void operations_apply_in_order_and_the_last_that_holds_a_point_decides() {
        Fog fog = new Fog(true, List.of(reveal(new FogArea.Rect(0, 0, 100, 100)),
                hide(new FogArea.Rect(40, 40, 20, 20))));
        assertThat(fog.covers(10, 10)).isFalse();
        assertThat(fog.covers(50, 50)).isTrue();
        assertThat(fog.covers(150, 50)).isTrue();
        Fog again = fog.with(reveal(new FogArea.Rect(45, 45, 2, 2)));
        assertThat(again.covers(46, 46)).isFalse();
        assertThat(again.covers(50, 50)).isTrue();
        assertThat(fog.ops()).hasSize(2);
    }

    @Test
    void polygons_hold_what_they_enclose_by_the_even_odd_rule() {
        // An L: the notch at the top right is outside.
        FogArea.Polygon l = new FogArea.Polygon(List.of(0.0, 0.0, 50.0, 0.0, 50.0, 50.0, 100.0, 50.0, 100.0, 100.0,
                0.0, 100.0));
        assertThat(l.contains(25, 25)).isTrue();
        assertThat(l.contains(75, 75)).isTrue();
        assertThat(l.contains(75, 25)).isFalse();
        assertThat(l.contains(150, 75)).isFalse();
        // A bow tie crosses itself: both wings (left and right) inside, the gaps between them outside.
        FogArea.Polygon bow = new FogArea.Polygon(List.of(0.0, 0.0, 100.0, 100.0, 100.0, 0.0, 0.0, 100.0));
        assertThat(bow.contains(10, 50)).isTrue();
        assertThat(bow.contains(50, 10)).isFalse();
        assertThat(bow.contains(90, 50)).isTrue();
        Fog fog = new Fog(false, List.of(hide(l)));
        assertThat(fog.covers(75, 75)).isTrue();
        assertThat(fog.covers(75, 25)).isFalse();
    }

    @Test
    void an_object_is_under_fog_when_the_centre_of_its_box_is() {
        Fog fog = new Fog(false, List.of(hide(new FogArea.Rect(0, 0, 100, 100))));
        assertThat(fog.covers(new Box(90, 90, 150, 150))).isFalse();
        assertThat(fog.covers(new Box(60, 60, 120, 120))).isTrue();
    }

    @Test
    void fog_ops_are_unmodifiable() {
        Fog fog = new Fog(true, new java.util.ArrayList<>(List.of(reveal(new FogArea.Rect(0, 0, 1, 1)))));
        assertThat(fog.ops()).isUnmodifiable();
    }
}
