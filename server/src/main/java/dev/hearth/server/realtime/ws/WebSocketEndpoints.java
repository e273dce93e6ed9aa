package dev.hearth.server.realtime.ws;

import dev.hearth.server.auth.Identity;
import dev.hearth.server.auth.OriginPolicy;
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
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.Optional;
import java.util.function.Function;

/**
 * The WebSocket transport (docs/protocol.md): {@code /ws/session/{sessionId}}, {@code
 * /ws/user/{userId}} and {@code /ws/broadcast}. The upgrade is refused for a foreign {@code Origin}
 * (cross-site WebSocket hijacking) and for a bad {@code ticket}; everything after is the protocol,
 * run by {@link Connection}.
 */
public final class WebSocketEndpoints {

    private static final String CONNECTION = "hearth.connection";
    private static final String IDENTITY = "hearth.identity";

    private final Realtime realtime;
    private final OriginPolicy origins;
    private final InboxCodec inboxCodec;
    private final SystemCodec systemCodec;

    public WebSocketEndpoints(Realtime realtime, OriginPolicy origins, InboxCodec inboxCodec, SystemCodec systemCodec) {
        this.realtime = realtime;
        this.origins = origins;
        this.inboxCodec = inboxCodec;
        this.systemCodec = systemCodec;
    }

    public void addTo(RoutesConfig routes) {
        add(routes, "/ws/session/{sessionId}", ctx -> new SessionChannel(realtime.tables(), ctx.pathParam("sessionId")));
        add(routes, "/ws/user/{userId}", ctx -> new UserChannel(realtime, inboxCodec, ctx.pathParam("userId")));
        add(routes, "/ws/broadcast", ctx -> new BroadcastChannel(realtime, systemCodec));
    }

    private void add(RoutesConfig routes, String path, Function<WsContext, Channel> channel) {
        routes.wsBeforeUpgrade(path, this::checkUpgrade);
        routes.ws(path, ws -> handlers(ws, channel));
    }

    /** Before the handshake: a browser's Origin must be allowed; a ticket, if given, must redeem. */
    private void checkUpgrade(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origins.allows(origin, ctx.header("Host"))) {
            throw refusal(Refusal.forbidden("WebSocket connections are accepted only from this server's own pages"
                    + " (or the configured allowed origins)."));
        }
        String ticket = ctx.queryParam("ticket");
        if (ticket != null) {
            switch (realtime.identities().redeem(ticket)) {
                case Outcome.Refused<Identity> r -> throw refusal(r.refusal());
                case Outcome.Done<Identity> d -> ctx.attribute(IDENTITY, d.value());
            }
        } else if (ctx.queryParam("token") != null || ctx.queryParam("access_token") != null) {
            throw refusal(Refusal.badRequest("Never put an access token in a URL: send it in 'hello', or use a"
                    + " ticket from POST /api/realtime/ticket."));
        }
    }

    private static HttpResponseException refusal(Refusal refusal) {
        return new HttpResponseException(refusal.status(), refusal.body().message());
    }

    private void handlers(WsConfig ws, Function<WsContext, Channel> channel) {
        ws.onConnect(ctx -> {
            Optional<Identity> identity = Optional.ofNullable(ctx.attribute(IDENTITY));
            Connection c = realtime.open("websocket", channel.apply(ctx), new WebSocketSink(ctx.session), identity);
            ctx.attribute(CONNECTION, c);
            // Jetty's own idle timeout must not beat the protocol's silence timeout.
            ctx.session.setIdleTimeout(realtime.settings().silenceTimeout().multipliedBy(2));
        });
        ws.onMessage(ctx -> connection(ctx).ifPresent(c -> c.receive(ctx.message())));
        ws.onBinaryMessage(ctx -> connection(ctx).ifPresent(c -> c.receiveBinary(ctx.data().remaining())));
        ws.onClose(ctx -> connection(ctx).ifPresent(Connection::closed));
        ws.onError(ctx -> connection(ctx).ifPresent(Connection::closed));
    }

    private static Optional<Connection> connection(WsContext ctx) {
        return Optional.ofNullable(ctx.attribute(CONNECTION));
    }
}
