package dev.hearth.bench.map;

import dev.hearth.core.map.Fog;
import dev.hearth.core.map.Scene;
import java.util.List;

/**
 * One scene size to measure. Each is the state an episode of commands starts from; the run goes back
 * to it after every episode, so the scene keeps its size however long the window is.
 *
 * @param tokens tokens on the scene: a fifth of them (at least one) the players', the rest the GM's
 * @param drawings the most drawings to place (everyone's: freehand strokes, rectangles, text)
 * @param numbers the most numbers those drawings may hold together (the scene's budget is {@link Scene#MAX_NUMBERS})
 * @param fogOps fog operations already on the scene; with any, the scene starts fogged and the first
 *     one reveals the party's area
 */
record MapScenario(String id, String description, int tokens, int drawings, int numbers, int fogOps) {

    /**
     * Room left under each limit for what one episode adds: drawings and their numbers (a freehand
     * stroke holds about 100), and fog operations. An episode of 200 commands adds about 16 and 4.
     */
    static final int DRAWING_ROOM = 100;
    static final int NUMBER_ROOM = 10_000;
    static final int FOG_ROOM = 50;

    static final MapScenario BASELINE = new MapScenario("baseline", "1 token, no drawings, no fog", 1, 0, 0, 0);
    static final MapScenario TARGET = new MapScenario("target",
            "100 tokens, 1,000 drawings, 50 fog ops (issue 9's smooth scene)", 100, 1000, Scene.MAX_NUMBERS, 50);
    static final MapScenario LIMIT = new MapScenario("limit",
            "every limit: Scene.MAX_TOKENS tokens, drawings up to MAX_DRAWINGS / MAX_NUMBERS, Fog.MAX_OPS fog ops"
                    + " (less one episode's room)",
            Scene.MAX_TOKENS, Scene.MAX_DRAWINGS - DRAWING_ROOM, Scene.MAX_NUMBERS - NUMBER_ROOM, Fog.MAX_OPS - FOG_ROOM);

    static final List<MapScenario> ALL = List.of(BASELINE, TARGET, LIMIT);

    boolean isBaseline() {
        return this == BASELINE || id.equals(BASELINE.id);
    }
}
