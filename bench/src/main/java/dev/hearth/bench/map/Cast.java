package dev.hearth.bench.map;

import dev.hearth.core.access.Role;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Roster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The people at the benchmark's table: one GM and five players, a usual group. */
record Cast(Caller gm, List<Caller> players) {

    static final Cast TABLE = of(5);

    static Cast of(int players) {
        List<Caller> list = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            list.add(new Caller("player-" + i, "Player " + i, Role.PLAYER));
        }
        return new Cast(new Caller("gm", "Game Master", Role.GM), List.copyOf(list));
    }

    Roster roster() {
        return new Roster(seated());
    }

    /** Everyone, GM first, by user id. */
    Map<String, Caller> seated() {
        Map<String, Caller> all = new LinkedHashMap<>();
        all.put(gm.userId(), gm);
        players.forEach(p -> all.put(p.userId(), p));
        return all;
    }
}
