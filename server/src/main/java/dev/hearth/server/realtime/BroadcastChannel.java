package dev.hearth.server.realtime;

import dev.hearth.core.access.Role;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.system.SystemCommand;
import dev.hearth.server.auth.Identity;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.realtime.codec.SystemCodec;
import dev.hearth.server.realtime.protocol.Inbound;
import dev.hearth.server.realtime.stream.CommandFormatException;
import dev.hearth.server.realtime.stream.Resume;
import dev.hearth.server.realtime.stream.Submission;
import java.util.Map;
import java.util.Optional;

/** {@code /ws/broadcast}: system announcements to everyone signed in; only administrators send. */
public final class BroadcastChannel implements Channel {

    private final Realtime realtime;
    private final SystemCodec codec;
    private volatile boolean admin;

    public BroadcastChannel(Realtime realtime, SystemCodec codec) {
        this.realtime = realtime;
        this.codec = codec;
    }

    @Override
    public String name() {
        return "system";
    }

    /** Administrators are GMs of the system channel; everyone else watches it. */
    @Override
    public Outcome<Role> admit(Identity identity) {
        admin = realtime.isAdmin(identity);
        return Outcome.done(admin ? Role.GM : Role.SPECTATOR);
    }

    @Override
    public void attach(Connection c, Optional<Resume> resume, boolean resuming) {
        realtime.system().attach(c, resume, a -> Welcome.frame(c, Optional.empty(), a, p -> p.put("admin", admin)));
    }

    @Override
    public void detach(Connection c) {
        realtime.system().detach(c);
    }

    @Override
    public boolean isCommand(String type) {
        return codec.commandTypes().contains(type);
    }

    @Override
    public void command(Connection c, Inbound m) {
        if (!admin) {
            c.refuse(Optional.of(m.id()), new ErrorBody(ErrorCode.E011, "Only administrators announce to everyone.",
                    Map.of("permission", "announce_system"), null));
            return;
        }
        SystemCommand command;
        try {
            command = codec.decodeCommand(m.type(), m.payload());
        } catch (CommandFormatException e) {
            c.refuse(Optional.of(m.id()), Outcomes.error(e));
            return;
        }
        Caller caller = new Caller(c.userId(), c.identity().account().displayName(), Role.GM);
        realtime.system().submit(new Submission<>(command, caller, Optional.of(m.id()), m.digest(), System.nanoTime(),
                outcome -> Replies.send(c, m, Tables.Reply.of(outcome))));
    }

    @Override
    public Optional<Role> recheck(Connection c) {
        return Optional.of(c.role());
    }
}
