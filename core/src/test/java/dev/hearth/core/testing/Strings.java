package dev.hearth.core.testing;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every string anywhere inside a value (records, collections, maps, optionals): the ids a leak would
 * show. The redaction properties of combat and the map search what players receive with it.
 */
public final class Strings {

    private Strings() {}

    public static List<String> of(Object value) {
        List<String> out = new ArrayList<>();
        collect(value, out);
        return out;
    }

    private static void collect(Object value, List<String> out) {
        switch (value) {
            case null -> { }
            case String s -> out.add(s);
            case Optional<?> o -> o.ifPresent(v -> collect(v, out));
            case Collection<?> c -> c.forEach(v -> collect(v, out));
            case Map<?, ?> m -> m.forEach((k, v) -> {
                collect(k, out);
                collect(v, out);
            });
            case Record r -> {
                for (RecordComponent component : r.getClass().getRecordComponents()) {
                    try {
                        collect(component.getAccessor().invoke(r), out);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                }
            }
            default -> { }
        }
    }
}
