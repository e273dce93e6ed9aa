package dev.hearth.bench.load;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** What the generator drives: Hearth, or the raw relay it is compared with. Each runs in a JVM of its own. */
interface Target extends AutoCloseable {

    /** {@code hearth} or {@code relay}. */
    String name();

    /** The people at {@code sessions} tables of {@code perSession} each, made on first use. */
    List<Seat> seats(int sessions, int perSession) throws Exception;

    URI socket(Seat seat);

    /**
     * The first frame a connection sends, if the target wants one: Hearth's {@code hello}, with a resume
     * point when {@code lastSeq} is not negative.
     */
    Optional<String> hello(Seat seat, String device, String epoch, long lastSeq);

    /** Whether the target answers commands with acks and numbers its events (Hearth); else the sender's echo is its ack. */
    boolean durable();

    ChildJvm process();

    @Override
    void close();
}
