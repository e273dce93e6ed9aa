package dev.hearth.server.realtime.sse;

import dev.hearth.server.auth.Identity;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.server.realtime.BroadcastChannel;
import dev.hearth.server.realtime.Channel;
import dev.hearth.server.realtime.Connection;
import dev.hearth.server.realtime.Realtime;
import dev.hearth.server.realtime.SessionChannel;
import dev.hearth.server.realtime.UserChannel;
import dev.hearth.server.realtime.codec.InboxCodec;
import dev.hearth.server.realtime.codec.SystemCodec;
import dev.hearth.server.realtime.stream.Resume;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The SSE transport: {@code /sse/activity/{sessionId}} (a table), {@code /sse/notifications} (the
 * caller's own inbox) and {@code /sse/system}. The same frames as on a WebSocket, one SSE event each;
 * commands go by {@code POST /api/sessions/{id}/commands}. An EventSource cannot set headers, so
 * besides a bearer header it may bring a single-use ticket; it resumes with {@code Last-Event-ID}
 * (which the browser sends by itself on reconnect) or {@code ?lastEventId=}. Everything that can be
 * refused is refused before the stream starts, as a plain HTTP error in the one shape.
 */
public final class SseEndpoints {

    private final Realtime realtime;
    private final Function<Context, Outcome<Identity>> caller;
    private final InboxCodec inboxCodec;
    private final SystemCodec systemCodec;

    /** @param caller who a request is by its headers (bearer token, or local mode's user) */
    public SseEndpoints(Realtime realtime, Function<Context, Outcome<Identity>> caller, InboxCodec inboxCodec,
            SystemCodec systemCodec) {
        this.realtime = realtime;
        this.caller = caller;
        this.inboxCodec = inboxCodec;
        this.systemCodec = systemCodec;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/sse/activity/{sessionId}", ctx -> stream(ctx,
                (c, who) -> new SessionChannel(realtime.tables(), c.pathParam("sessionId"))));
        routes.get("/sse/notifications", ctx -> stream(ctx,
                (c, who) -> new UserChannel(realtime, inboxCodec, who.account().id())));
        routes.get("/sse/system", ctx -> stream(ctx, (c, who) -> new BroadcastChannel(realtime, systemCodec)));
    }

    private void stream(Context ctx, BiFunction<Context, Identity, Channel> channels) {
        Outcome<Identity> who = identify(ctx);
        if (who instanceof Outcome.Refused<Identity> r) {
            r.refusal().sendTo(ctx);
            return;
        }
        Identity identity = ((Outcome.Done<Identity>) who).value();
        Optional<Resume> resume;
        try {
            resume = resume(ctx);
        } catch (NumberFormatException e) {
            Refusal.invalid("lastEventId", "Last-Event-ID (or ?lastEventId=) is the seq of the last event seen,"
                    + " an integer >= 0.").sendTo(ctx);
            return;
        }
        Channel channel = channels.apply(ctx, identity);
        if (channel.admit(identity) instanceof Outcome.Refused<?> refused) {
            refused.refusal().sendTo(ctx);
            return;
        }
        start(ctx);
        SseClient client = new SseClient(ctx);
        SseSink sink = new SseSink(client, realtime.frames().json());
        Connection connection = realtime.open("sse", channel, sink, Optional.of(identity), false);
        client.onClose(connection::closed);
        connection.openWithoutHello(Optional.ofNullable(ctx.queryParam("device")), resume);
        sink.heartbeat(realtime.settings().sseHeartbeat());
        client.keepAlive();
    }

    /** A ticket, else the request's own authentication; never a token in the URL (it would end up in logs). */
    private Outcome<Identity> identify(Context ctx) {
        if (ctx.queryParam("token") != null || ctx.queryParam("access_token") != null) {
            return Outcome.refused(Refusal.badRequest("Never put an access token in a URL: send it as"
                    + " 'Authorization: Bearer', or use a ticket from POST /api/realtime/ticket (?ticket=)."));
        }
        String ticket = ctx.queryParam("ticket");
        return ticket != null ? realtime.identities().redeem(ticket) : caller.apply(ctx);
    }

    private static Optional<Resume> resume(Context ctx) {
        String last = ctx.header("Last-Event-ID");
        if (last == null || last.isBlank()) {
            last = ctx.queryParam("lastEventId");
        }
        if (last == null || last.isBlank()) {
            return Optional.empty();
        }
        long seq = Long.parseLong(last.trim());
        if (seq < 0) {
            throw new NumberFormatException("negative");
        }
        return Optional.of(new Resume(Optional.empty(), seq));
    }

    /** The response head, sent at once: intermediaries must neither buffer nor transform the stream. */
    private static void start(Context ctx) {
        ctx.status(200);
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setContentType("text/event-stream");
        ctx.header("Cache-Control", "no-cache, no-transform");
        ctx.header("X-Accel-Buffering", "no");
        try {
            ctx.res().flushBuffer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
