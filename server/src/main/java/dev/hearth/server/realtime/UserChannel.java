package dev.hearth.server.realtime;

import dev.hearth.core.access.Role;
import dev.hearth.core.inbox.InboxCommand;
import dev.hearth.server.auth.Identity;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.server.realtime.codec.InboxCodec;
import dev.hearth.server.realtime.protocol.Inbound;
import dev.hearth.server.realtime.stream.CommandFormatException;
import dev.hearth.server.realtime.stream.Resume;
import dev.hearth.server.realtime.stream.StreamUnavailableException;
import java.util.Optional;

/** {@code /ws/user/{userId}}: a user's notifications and whispers across sessions; only that user may connect. */
public final class UserChannel implements Channel {

    private final Realtime realtime;
    private final InboxCodec codec;
    private final String userId;

    public UserChannel(Realtime realtime, InboxCodec codec, String userId) {
        this.realtime = realtime;
        this.codec = codec;
        this.userId = userId;
    }

    @Override
    public String name() {
        return "user";
    }

    @Override
    public Outcome<Role> admit(Identity identity) {
        return identity.account().id().equals(userId)
                ? Outcome.done(Role.PLAYER)
                : Outcome.refused(new Refusal(403, ErrorBody.of(ErrorCode.E005,
                        "This is another user's channel; connect to /ws/user/" + identity.account().id() + ".")));
    }

    @Override
    public void attach(Connection c, Optional<Resume> resume, boolean resuming) {
        realtime.inbox(userId).attach(c, resume, a -> Welcome.frame(c, Optional.empty(), a, p -> { }));
    }

    @Override
    public void detach(Connection c) {
        realtime.inbox(userId).detach(c);
    }

    @Override
    public boolean isCommand(String type) {
        return codec.commandTypes().contains(type);
    }

    @Override
    public void command(Connection c, Inbound m) {
        InboxCommand command;
        try {
            command = codec.decodeCommand(m.type(), m.payload());
        } catch (CommandFormatException e) {
            c.refuse(Optional.of(m.id()), Outcomes.error(e));
            return;
        }
        realtime.inboxes().submit(c.identity(), command, Optional.of(m.id()), m.digest(), System.nanoTime(),
                reply -> Replies.send(c, m, reply));
    }

    /** {@code notifications.list {before?, limit?}}: the unread count and a page of notifications. */
    @Override
    public void request(Connection c, Inbound m) {
        Replies.request(c, m, (method, params) -> switch (method) {
            case "notifications.list" -> Replies.page(params).map(page -> (Object) realtime.inboxes()
                    .page(userId, page.before(), page.limit()).join().orElseThrow(() -> new StreamUnavailableException(
                            Inboxes.streamOf(userId))));
            default -> null;
        });
    }

    @Override
    public Optional<Role> recheck(Connection c) {
        return Optional.of(Role.PLAYER);
    }
}
