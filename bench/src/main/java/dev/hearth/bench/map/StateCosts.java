package dev.hearth.bench.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.table.TableState;
import dev.hearth.server.realtime.codec.TableCodec;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a scene's whole state costs: the snapshot the store keeps ({@code TableCodec.encodeState},
 * read back by {@code decodeState}) and the map part of a welcome ({@code TableCodec.mapView}, the
 * map as a GM and as a player may see it, written to a string). Each is timed {@code repeats} times
 * per trial; figures are the median of every sample.
 */
final class StateCosts {

    /** The sizes, which do not vary, and every timing sample in milliseconds. */
    record Samples(long snapshotBytes, long viewGmBytes, long viewPlayerBytes, boolean roundTrip, List<Double> encodeMs,
            List<Double> decodeMs, List<Double> viewGmMs, List<Double> viewPlayerMs) {

        Samples plus(Samples more) {
            return new Samples(snapshotBytes, viewGmBytes, viewPlayerBytes, roundTrip && more.roundTrip,
                    concat(encodeMs, more.encodeMs), concat(decodeMs, more.decodeMs), concat(viewGmMs, more.viewGmMs),
                    concat(viewPlayerMs, more.viewPlayerMs));
        }

        double snapshotMegabytes() {
            return snapshotBytes / 1e6;
        }
    }

    private final CommandPath path;
    private final Cast cast;

    StateCosts(CommandPath path, Cast cast) {
        this.path = path;
        this.cast = cast;
    }

    Samples measure(TableState state, int repeats) {
        TableCodec codec = path.codec();
        List<Double> encode = new ArrayList<>();
        List<Double> decode = new ArrayList<>();
        List<Double> gm = new ArrayList<>();
        List<Double> player = new ArrayList<>();
        byte[] snapshot = null;
        TableState read = null;
        int gmBytes = 0;
        int playerBytes = 0;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            snapshot = codec.encodeState(state);
            long t1 = System.nanoTime();
            read = codec.decodeState(snapshot);
            long t2 = System.nanoTime();
            gmBytes = view(codec, state, cast.gm());
            long t3 = System.nanoTime();
            playerBytes = view(codec, state, cast.players().getFirst());
            long t4 = System.nanoTime();
            encode.add(ms(t1 - t0));
            decode.add(ms(t2 - t1));
            gm.add(ms(t3 - t2));
            player.add(ms(t4 - t3));
        }
        boolean same = read != null && read.map().equals(state.map());
        return new Samples(snapshot == null ? 0 : snapshot.length, gmBytes, playerBytes, same, encode, decode, gm, player);
    }

    private int view(TableCodec codec, TableState state, Caller viewer) {
        JsonNode node = codec.mapView(state, viewer);
        try {
            return path.json().writeValueAsString(node).length();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<Double> concat(List<Double> a, List<Double> b) {
        List<Double> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
