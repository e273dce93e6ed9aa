package dev.hearth.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.access.Role;
import dev.hearth.server.auth.Identity;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.realtime.outbox.Ephemeral;
import dev.hearth.server.realtime.outbox.Outbox;
import dev.hearth.server.realtime.protocol.Frames;
import dev.hearth.server.realtime.protocol.Inbound;
import dev.hearth.server.realtime.protocol.InboundParser;
import dev.hearth.server.realtime.protocol.TokenBucket;
import dev.hearth.server.realtime.protocol.Types;
import dev.hearth.server.realtime.stream.Resume;
import dev.hearth.server.realtime.stream.Subscriber;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One client connection running the protocol of docs/protocol.md, whatever carries it: {@code hello}
 * within 5 s (or a ticket at the upgrade), then commands, requests, ephemeral messages, heartbeats,
 * resumes and in-band re-authentication, each checked for size, shape and rate before its
 * {@link Channel} acts on it. Frames from the client arrive one at a time (the transport's reader
 * thread); frames to it go through the {@link Outbox}.
 */
public final class Connection implements Subscriber {

    /** Close codes (docs/protocol.md). */
    public static final int POLICY = 1008;
    public static final int AUTH_ENDED = 4401;
    public static final int NOT_A_MEMBER = 4403;
    public static final int SILENT = 4408;

    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private enum State { AWAITING_HELLO, OPEN, CLOSED }

    private final String id = UUID.randomUUID().toString();
    private final String transport;
    private final Channel channel;
    private final Realtime realtime;
    private final Outbox outbox;
    private final long openedNanos = System.nanoTime();
    private final TokenBucket commands;
    private final TokenBucket ephemerals;
    private final boolean clientSpeaks;
    private volatile State state = State.AWAITING_HELLO;
    private volatile Identity identity;
    private volatile Role role;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile long lastBeatNanos = System.nanoTime();
    private String deviceId;
    private Runnable uncount = () -> { };
    private int refusals;
    private long refusalWindowStart = System.nanoTime();

    /**
     * @param clientSpeaks false for a transport the client cannot send on (SSE): its silence is no sign
     *     of a dead connection, so the silence timeout does not apply (token expiry and sign-out still do)
     */
    Connection(String transport, Channel channel, Realtime realtime, Outbox outbox, Optional<Identity> preauthenticated,
            boolean clientSpeaks) {
        this.transport = transport;
        this.clientSpeaks = clientSpeaks;
        this.channel = channel;
        this.realtime = realtime;
        this.outbox = outbox;
        this.identity = preauthenticated.orElse(null);
        RealtimeSettings limits = realtime.settings();
        this.commands = new TokenBucket(limits.commandsPerSecond(), limits.commandBurst(), openedNanos);
        this.ephemerals = new TokenBucket(limits.ephemeralPerSecond(), limits.ephemeralBurst(), openedNanos);
    }

    public String id() {
        return id;
    }

    public String transport() {
        return transport;
    }

    public Identity identity() {
        return identity;
    }

    public String deviceId() {
        return deviceId;
    }

    public Realtime realtime() {
        return realtime;
    }

    @Override
    public String userId() {
        return identity.account().id();
    }

    @Override
    public Role role() {
        return role;
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    // ---------------------------------------------------------------- from the client

    /** A text frame from the client. */
    public void receive(String text) {
        if (state == State.CLOSED) {
            return;
        }
        lastHeardNanos = System.nanoTime();
        switch (realtime.parser().parse(text)) {
            case InboundParser.Result.Refused refused -> refuse(refused.re(), refused.error());
            case InboundParser.Result.Parsed parsed -> {
                realtime.metrics().messageIn(transport, knownType(parsed.message().type()), parsed.message().bytes());
                dispatch(parsed.message());
            }
        }
    }

    /** The type for metrics: one this connection's protocol knows, else "other" (a client may send any name). */
    private String knownType(String type) {
        return Types.CLIENT.contains(type) || channel.isCommand(type) || channel.isEphemeral(type) ? type : "other";
    }

    /** A binary frame: the protocol is JSON text. */
    public void receiveBinary(int bytes) {
        lastHeardNanos = System.nanoTime();
        refuse(Optional.empty(), ErrorBody.of(ErrorCode.E007, "Binary frames are not part of the protocol; send JSON text."));
    }

    /** The transport closed (by the client, the network, or us). */
    public void closed() {
        if (state == State.CLOSED) {
            return;
        }
        boolean wasOpen = state == State.OPEN;
        state = State.CLOSED;
        outbox.close(1000, "");
        if (wasOpen) {
            channel.detach(this);
        }
        uncount.run();
        realtime.forget(this);
    }

    private void dispatch(Inbound m) {
        if (state == State.AWAITING_HELLO) {
            if (!Types.HELLO.equals(m.type())) {
                refuse(Optional.of(m.id()), ErrorBody.of(ErrorCode.E002, "Say hello first: {\"type\":\"hello\","
                        + " \"payload\":{\"token\":\"<access token>\"}}."));
                return;
            }
            hello(m);
            return;
        }
        switch (m.type()) {
            case Types.HEARTBEAT -> send(realtime.frames().message(Types.HEARTBEAT,
                    realtime.frames().object().put("serverTime", realtime.clock().millis()), Optional.empty(),
                    Optional.of(m.id())));
            case Types.AUTH -> reauthenticate(m);
            case Types.RESUME -> resume(m);
            case Types.HELLO -> refuse(Optional.of(m.id()), ErrorBody.of(ErrorCode.E007, "Already said hello."));
            case Types.REQUEST -> {
                if (limited(commands, m)) {
                    return;
                }
                channel.request(this, m);
            }
            default -> {
                if (channel.isCommand(m.type())) {
                    if (!limited(commands, m)) {
                        channel.command(this, m);
                    }
                } else if (channel.isEphemeral(m.type())) {
                    if (ephemerals.take(System.nanoTime()).isEmpty()) {
                        channel.ephemeral(this, m);
                    } else {
                        realtime.metrics().ephemeralDropped();
                    }
                } else {
                    refuse(Optional.of(m.id()), new ErrorBody(ErrorCode.E007, "Unknown message type '" + m.type()
                            + "' on a " + channel.name() + " connection.", Map.of("field", "type"), null));
                }
            }
        }
    }

    private void hello(Inbound m) {
        JsonNode token = m.payload().get("token");
        if (identity == null) {
            Optional<Outcome<Identity>> who = realtime.identities().byToken(token != null && token.isTextual()
                    ? Optional.of(token.asText()) : Optional.empty());
            if (who.isEmpty() || who.get() instanceof Outcome.Refused<Identity>) {
                ErrorBody error = who.map(o -> ((Outcome.Refused<Identity>) o).refusal().body())
                        .orElse(ErrorBody.of(ErrorCode.E002, "hello needs 'token': a valid access token."));
                refuse(Optional.of(m.id()), error);
                closeAfterQueued(POLICY, "authentication failed");
                return;
            }
            identity = ((Outcome.Done<Identity>) who.get()).value();
        }
        JsonNode device = m.payload().get("device");
        admitAndAttach(Optional.of(m.id()), device != null && device.isTextual() ? Optional.of(device.asText())
                : Optional.empty(), readResume(m.payload().get("resume")));
    }

    /**
     * Opens a connection whose transport authenticated it already and that will never say hello (SSE:
     * the client only listens): admitted and attached now, exactly as a hello would.
     *
     * @param device the client's device id, if it gave a valid one; else the connection's own id
     */
    public void openWithoutHello(Optional<String> device, Optional<Resume> resume) {
        if (identity == null || state != State.AWAITING_HELLO) {
            throw new IllegalStateException("only a pre-authenticated connection opens without hello, once");
        }
        admitAndAttach(Optional.empty(), device, resume);
    }

    /** The shared end of hello: admission to the channel, then the subscription (welcome and missed events). */
    private void admitAndAttach(Optional<String> re, Optional<String> device, Optional<Resume> resume) {
        switch (channel.admit(identity)) {
            case Outcome.Refused<Role> refused -> {
                refuse(re, refused.refusal().body());
                closeAfterQueued(POLICY, refused.refusal().body().code() == ErrorCode.E005 ? "invalid session" : "refused");
            }
            case Outcome.Done<Role> admitted -> {
                role = admitted.value();
                deviceId = device.filter(d -> DEVICE.matcher(d).matches()).orElse(id);
                state = State.OPEN;
                uncount = realtime.metrics().connected(transport, role.id());
                realtime.remember(this);
                channel.attach(this, resume, false);
            }
        }
    }

    private void resume(Inbound m) {
        Optional<Resume> resume = readResume(m.payload());
        if (resume.isEmpty()) {
            refuse(Optional.of(m.id()), new ErrorBody(ErrorCode.E007, "resume needs 'lastSeq', an integer >= 0.",
                    Map.of("field", "lastSeq"), null));
            return;
        }
        channel.detach(this);
        channel.attach(this, resume, true);
    }

    private static Optional<Resume> readResume(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("lastSeq").isIntegralNumber()
                || node.get("lastSeq").asLong() < 0) {
            return Optional.empty();
        }
        JsonNode epoch = node.get("epoch");
        return Optional.of(new Resume(epoch != null && epoch.isTextual() ? Optional.of(epoch.asText()) : Optional.empty(),
                node.get("lastSeq").asLong()));
    }

    /** A fresh access token on a live connection: it must be the same account; the connection goes on. */
    private void reauthenticate(Inbound m) {
        JsonNode token = m.payload().get("token");
        Optional<Outcome<Identity>> who = realtime.identities().byToken(token != null && token.isTextual()
                ? Optional.of(token.asText()) : Optional.empty());
        if (who.isPresent() && who.get() instanceof Outcome.Done<Identity> done
                && done.value().account().id().equals(identity.account().id())) {
            identity = done.value();
            ObjectNode payload = realtime.frames().object();
            identity.expiresAt().ifPresent(e -> payload.put("expiresAt", e.toEpochMilli()));
            send(realtime.frames().message(Types.AUTH_OK, payload, Optional.empty(), Optional.of(m.id())));
            return;
        }
        refuse(Optional.of(m.id()), ErrorBody.of(ErrorCode.E002, who.isPresent() && who.get() instanceof Outcome.Done<Identity>
                ? "The token is another account's; a connection keeps its account."
                : "The token is not valid; the connection keeps its current one until it expires."));
    }

    /** Counts a refusal of the rate limit; a client that keeps flooding is cut off. */
    private boolean limited(TokenBucket bucket, Inbound m) {
        Optional<Duration> wait = bucket.take(System.nanoTime());
        if (wait.isEmpty()) {
            return false;
        }
        refuse(Optional.of(m.id()), Outcomes.rateLimited(wait.get()));
        long now = System.nanoTime();
        if (now - refusalWindowStart > Duration.ofSeconds(10).toNanos()) {
            refusalWindowStart = now;
            refusals = 0;
        }
        if (++refusals > realtime.settings().floodRefusals()) {
            closeAfterQueued(POLICY, "rate limit exceeded repeatedly");
        }
        return true;
    }

    // ---------------------------------------------------------------- to the client

    @Override
    public boolean deliver(String frame, long seq, long commandNanos) {
        return outbox.offer(frame, seq, commandNanos);
    }

    @Override
    public boolean replay(String frame, long seq) {
        return outbox.offerReplay(frame, seq);
    }

    @Override
    public void ephemeral(String slot, Ephemeral update) {
        outbox.offerEphemeral(slot, update);
    }

    /** Sends a frame in order with the events. */
    public void send(String frame) {
        outbox.offer(frame, -1, 0);
    }

    /** Answers a client message with an error in the one shape; the connection stays open. */
    public void refuse(Optional<String> re, ErrorBody error) {
        realtime.metrics().error(error.code().name());
        send(realtime.frames().error(re, error));
    }

    public void closeAfterQueued(int code, String reason) {
        outbox.closeAfterQueued(code, reason);
    }

    public void role(Role next) {
        this.role = next;
    }

    // ---------------------------------------------------------------- the sweeper's checks

    /** Called about once a second: hello deadline, silence, token expiry, heartbeat. */
    void tick(long nowNanos, Instant now) {
        RealtimeSettings s = realtime.settings();
        if (state == State.AWAITING_HELLO && nowNanos - openedNanos > s.helloTimeout().toNanos()) {
            refuse(Optional.empty(), ErrorBody.of(ErrorCode.E002, "No hello within " + s.helloTimeout().toSeconds()
                    + " seconds."));
            closeAfterQueued(POLICY, "no hello");
            state = State.CLOSED;
            realtime.forget(this);
            return;
        }
        if (state != State.OPEN) {
            return;
        }
        if (clientSpeaks && nowNanos - lastHeardNanos > s.silenceTimeout().toNanos()) {
            outbox.close(SILENT, "no message or heartbeat for " + s.silenceTimeout().toSeconds() + " seconds");
            closed();
            return;
        }
        if (identity.expiresAt().isPresent() && identity.expiresAt().get().isBefore(now)) {
            refuse(Optional.empty(), new ErrorBody(ErrorCode.E002, "The access token expired; connect again with a"
                    + " fresh one (send 'auth' before it expires to stay connected).",
                    Map.of("reason", "token_expired"), null));
            closeAfterQueued(AUTH_ENDED, "access token expired");
            return;
        }
        if (nowNanos - lastBeatNanos > s.heartbeatInterval().toNanos()) {
            lastBeatNanos = nowNanos;
            outbox.offerEphemeral("heartbeat", Ephemeral.of(realtime.frames().message(Types.HEARTBEAT,
                    realtime.frames().object().put("serverTime", now.toEpochMilli()), Optional.empty(),
                    Optional.empty())));
        }
    }

    /** The sign-in behind this connection ended: it closes now. */
    void signedOut() {
        refuse(Optional.empty(), new ErrorBody(ErrorCode.E002, "Your sign-in ended (logout, password change or"
                + " a security measure); sign in again.", Map.of("reason", "signed_out"), null));
        closeAfterQueued(AUTH_ENDED, "sign-in ended");
    }

    /** Membership changed: a new role, or out. */
    void recheck() {
        if (state != State.OPEN) {
            return;
        }
        Optional<Role> next = channel.recheck(this);
        if (next.isEmpty()) {
            refuse(Optional.empty(), ErrorBody.of(ErrorCode.E005, "You are no longer a member of this campaign."));
            closeAfterQueued(NOT_A_MEMBER, "no longer a member");
        } else {
            role = next.get();
        }
    }

    Outbox outbox() {
        return outbox;
    }

    Channel channel() {
        return channel;
    }
}
