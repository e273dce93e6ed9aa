package dev.hearth.server.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.server.realtime.protocol.Types;
import dev.hearth.server.realtime.stream.Attachment;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The {@code welcome} frame: who the client is here, where the stream is, and the view or the count of missed events. */
final class Welcome {

    static final int PROTOCOL = 1;

    private Welcome() {}

    /**
     * @param extra adds what the channel has besides (presence, recent chat); runs on the actor's thread
     * @return the frame; null if the stream could not be loaded (attachment is null), after sending
     *     E001 and closing with 1011
     */
    static String frame(Connection c, Optional<String> sessionId, Attachment a, Consumer<ObjectNode> extra) {
        Realtime rt = c.realtime();
        if (a == null) {
            c.refuse(Optional.empty(), new ErrorBody(ErrorCode.E001,
                    "This stream cannot be loaded right now; reconnect in a moment.", Map.of(), 1L));
            c.closeAfterQueued(1011, "stream unavailable");
            return null;
        }
        ObjectNode p = rt.frames().object();
        p.put("protocol", PROTOCOL);
        p.put("connectionId", c.id());
        p.put("channel", c.channel().name());
        p.put("userId", c.identity().account().id());
        p.put("displayName", c.identity().account().displayName());
        p.put("role", c.role().id());
        p.put("serverTime", rt.clock().millis());
        c.identity().expiresAt().ifPresent(e -> p.put("tokenExpiresAt", e.toEpochMilli()));
        ObjectNode position = p.putObject("position");
        a.epoch().ifPresentOrElse(e -> position.put("epoch", e), () -> position.putNull("epoch"));
        position.put("seq", a.seq());
        p.put("resumed", a.view().isEmpty());
        p.put("missed", a.missed());
        a.problem().ifPresent(problem -> p.put("resumeProblem", switch (problem) {
            case AHEAD -> "ahead";
            case OTHER_EPOCH -> "other_epoch";
            case TOO_FAR_BEHIND -> "too_far_behind";
        }));
        a.view().ifPresent(v -> p.set("view", v));
        a.extras().ifPresent(p::setAll);
        extra.accept(p);
        return rt.frames().message(Types.WELCOME, p, sessionId, Optional.empty());
    }
}
