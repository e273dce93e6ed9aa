package dev.hearth.bench.map;

import dev.hearth.core.map.Scene;
import dev.hearth.core.table.TableState;

/** How big a scenario's base scene is. */
record SceneSize(int tokens, int drawings, int numbers, int fogOps) {

    static SceneSize of(TableState state) {
        Scene s = state.map().scene(BaseScene.SCENE).orElseThrow();
        return new SceneSize(s.tokens().size(), s.canvas().drawings().size(), s.canvas().numbers(), s.fog().ops().size());
    }
}
