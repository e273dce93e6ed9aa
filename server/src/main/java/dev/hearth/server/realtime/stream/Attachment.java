package dev.hearth.server.realtime.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.session.StreamPosition;
import java.util.Optional;

/**
 * What a subscriber gets on attaching, decided on the actor's thread so that nothing commits in
 * between: either the current view (a fresh join, another history, or too far behind), or the
 * count of missed events that follow the welcome.
 *
 * @param position where the stream is; {@code epoch} is empty while the stream has no events
 * @param view the current view, when not resuming
 * @param missed how many event frames follow the welcome (those the subscriber may see)
 * @param problem why a requested resume was not honoured, if it was not
 * @param extras fields the welcome carries whether resumed or not (see {@link StreamCodec#welcomeExtras})
 */
public record Attachment(Optional<String> epoch, long seq, Optional<ObjectNode> view, int missed,
        Optional<ResumeProblem> problem, Optional<ObjectNode> extras) {

    public enum ResumeProblem {
        /** The client claims a sequence number the stream has not reached (or a negative one). */
        AHEAD,
        /** The client's history was replaced (import, restore): it must take the new view. */
        OTHER_EPOCH,
        /** Too far behind to replay event by event: a fresh view is cheaper. */
        TOO_FAR_BEHIND
    }

    public Optional<StreamPosition> position() {
        return epoch.map(e -> new StreamPosition(e, seq));
    }
}
