package dev.hearth.bench.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.map.Scene;
import dev.hearth.core.table.TableState;
import org.junit.jupiter.api.Test;

class BaseSceneTest {

    @Test
    void a_scene_assembled_from_its_events_equals_the_one_the_table_folds_command_by_command() {
        // Enough drawings that the GM's history overflows its depth (100), and fog to draw beside.
        var scenario = new MapScenario("small", "test", 25, 700, Scene.MAX_NUMBERS, 10);

        TableState built = BaseScene.build(scenario, Cast.TABLE, 3);
        TableState folded = BaseScene.viaTable(scenario, Cast.TABLE, 3);

        assertThat(built.map()).isEqualTo(folded.map());
        assertThat(SceneSize.of(built)).isEqualTo(new SceneSize(25, 700, built.map().scene(BaseScene.SCENE)
                .orElseThrow().canvas().numbers(), 10));
    }

    @Test
    void the_limit_scene_is_at_every_limit_less_one_episode_of_room() {
        SceneSize size = SceneSize.of(BaseScene.build(MapScenario.LIMIT, Cast.TABLE, 9));

        assertThat(size.tokens()).isEqualTo(Scene.MAX_TOKENS);
        assertThat(size.fogOps()).isEqualTo(dev.hearth.core.map.Fog.MAX_OPS - MapScenario.FOG_ROOM);
        assertThat(size.numbers()).isBetween(Scene.MAX_NUMBERS - MapScenario.NUMBER_ROOM - 2 * dev.hearth.core.map.Shape
                .MAX_NUMBERS, Scene.MAX_NUMBERS - MapScenario.NUMBER_ROOM);
    }
}
