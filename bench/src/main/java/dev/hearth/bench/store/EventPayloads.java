package dev.hearth.bench.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.store.NewEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Events shaped like a game table's traffic (token moves, chat lines, dice rolls), about 200 bytes
 * of JSON each. They are made once, before the clock starts, so the benchmark times the store and
 * not JSON encoding; which event a session writes at a given seq is fixed, so the audit can compare
 * what it reads back byte for byte.
 */
final class EventPayloads {

    private static final int POOL_SIZE = 256;
    private static final String[] LINES = {
        "I search the altar for traps. Does anything glow when I hold the lantern up?",
        "Quick, bar the door behind us before the ghouls reach the stairs!",
        "Borin wants to barter for the silvered arrows; offering 40 gp and a story.",
        "Can I use my reaction to catch Mira before she falls into the chasm?",
    };
    private static final String[] CHECKS = {"Perception", "Stealth", "Athletics", "Arcana", "Insight"};
    private static final String[] NAMES = {"Mira Thornwood", "Borin Ironfoot", "Sable of the Reach", "Game Master"};

    private final List<NewEvent> pool;

    private EventPayloads(List<NewEvent> pool) {
        this.pool = pool;
    }

    /** The same seed gives the same events, so runs write the same bytes. */
    static EventPayloads generate(long seed) {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(seed);
        List<NewEvent> pool = new ArrayList<>(POOL_SIZE);
        for (int i = 0; i < POOL_SIZE; i++) {
            ObjectNode body = json.createObjectNode();
            String type = switch (i % 3) {
                case 0 -> tokenMoved(body, random);
                case 1 -> chatPosted(body, random);
                default -> diceRolled(body, random);
            };
            body.put("actorName", NAMES[random.nextInt(NAMES.length)]);
            body.put("hlc", (1_763_900_000_000L + i * 37L) + "-" + String.format("%04d", random.nextInt(10_000)) + "-node-a");
            try {
                pool.add(new NewEvent(type, json.writeValueAsBytes(body)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot encode a benchmark event", e);
            }
        }
        return new EventPayloads(List.copyOf(pool));
    }

    /** The event session number {@code session} appends at {@code seq}. */
    NewEvent event(int session, long seq) {
        // Offset by session so that one batch carries different payloads, as a real table's would.
        return pool.get((int) ((seq + session * 31L) % POOL_SIZE));
    }

    double meanBytes() {
        return pool.stream().mapToInt(e -> e.payload().length).average().orElse(0);
    }

    private static String tokenMoved(ObjectNode body, Random random) {
        int x = random.nextInt(60);
        int y = random.nextInt(40);
        body.put("tokenId", "tok-" + Integer.toHexString(0x1000_0000 + random.nextInt(0x0fff_ffff)));
        body.put("mapId", "map-sunken-keep-2");
        body.put("actor", "user-" + Integer.toHexString(0x1000 + random.nextInt(0xefff)));
        body.putObject("from").put("x", x).put("y", y);
        body.putObject("to").put("x", x + 1).put("y", y + 1);
        body.put("visibility", "everyone");
        return "token.moved";
    }

    private static String chatPosted(ObjectNode body, Random random) {
        body.put("messageId", "msg-" + Long.toHexString(random.nextLong() >>> 16));
        body.put("actor", "user-" + Integer.toHexString(0x1000 + random.nextInt(0xefff)));
        body.put("channel", "table");
        body.put("text", LINES[random.nextInt(LINES.length)]);
        return "chat.message_posted";
    }

    private static String diceRolled(ObjectNode body, Random random) {
        int roll = 1 + random.nextInt(20);
        int modifier = random.nextInt(8);
        body.put("rollId", "roll-" + Long.toHexString(random.nextLong() >>> 16));
        body.put("actor", "user-" + Integer.toHexString(0x1000 + random.nextInt(0xefff)));
        body.put("expression", "1d20+" + modifier);
        body.putArray("rolls").add(roll);
        body.put("total", roll + modifier);
        body.put("purpose", CHECKS[random.nextInt(CHECKS.length)] + " check");
        body.put("visibility", random.nextInt(4) == 0 ? "gm" : "everyone");
        return "dice.rolled";
    }
}
