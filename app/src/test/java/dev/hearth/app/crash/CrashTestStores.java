package dev.hearth.app.crash;

import dev.hearth.app.config.ConfigLoader;
import dev.hearth.app.config.ConfigOrigin;
import dev.hearth.app.config.RawSetting;
import dev.hearth.app.store.EventStoreFactory;
import dev.hearth.store.EventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Opens the event store from {@code hearth serve}'s flags, through the same loader and factory as serve. */
final class CrashTestStores {

    private CrashTestStores() {}

    /** Understands {@code --data DIR}, {@code --db URL} and {@code --set key=value}. */
    static EventStore openLikeServe(String[] args) {
        List<RawSetting> flags = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String flag = args[i];
            String value = args[i + 1];
            switch (flag) {
                case "--data" -> flags.add(new RawSetting("data.dir", value, new ConfigOrigin.Flag(flag)));
                case "--db" -> flags.add(new RawSetting("db.url", value, new ConfigOrigin.Flag(flag)));
                case "--set" -> {
                    String[] kv = value.split("=", 2);
                    flags.add(new RawSetting(kv[0], kv[1], new ConfigOrigin.Flag("--set " + kv[0])));
                }
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        var config = new ConfigLoader(Map.of()).load(Optional.empty(), flags).config();
        return EventStoreFactory.open(config, new SimpleMeterRegistry());
    }
}
