package dev.hearth.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.session.SessionId;
import dev.hearth.server.realtime.protocol.Frames;
import dev.hearth.store.EventStore;
import dev.hearth.store.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pages backwards through a stream's log for a reader: {@code {items, nextBefore}}, items being
 * event frames, oldest first, with seq below {@code before}. A page scans at most {@link #MAX_SCAN}
 * events, so a reader who may see little of a long log gets a short page and keeps paging rather
 * than one request reading the whole log.
 */
final class HistoryPages {

    static final int MAX_PAGE = 200;
    static final int MAX_SCAN = 5000;

    private final EventStore store;
    private final Frames frames;

    HistoryPages(EventStore store, Frames frames) {
        this.store = store;
        this.frames = frames;
    }

    /** @param frameFor the event's frame if the reader may see it and it belongs on this page, else empty */
    ObjectNode page(SessionId stream, long beforeSeq, int limit, Function<StoredEvent, Optional<String>> frameFor) {
        List<String> found = new ArrayList<>();
        long before = beforeSeq;
        int scanned = 0;
        while (found.size() < limit && before > 1 && scanned < MAX_SCAN) {
            List<StoredEvent> page = store.readBefore(stream, before, 200);
            if (page.isEmpty()) {
                break;
            }
            scanned += page.size();
            int i = page.size() - 1;
            for (; i >= 0 && found.size() < limit; i--) {
                StoredEvent stored = page.get(i);
                before = stored.seq();
                frameFor.apply(stored).ifPresent(found::add);
            }
            // The start of the log is reached only if this page was read to its end, not cut off by the limit.
            if (i < 0 && page.get(0).seq() <= 1) {
                before = 1;
            }
        }
        ObjectNode result = frames.object();
        ArrayNode items = result.putArray("items");
        for (int i = found.size() - 1; i >= 0; i--) {
            items.add(parse(found.get(i)));
        }
        if (before > 1) {
            result.put("nextBefore", before);
        } else {
            result.putNull("nextBefore");
        }
        return result;
    }

    JsonNode parse(String frame) {
        try {
            return frames.json().readTree(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
