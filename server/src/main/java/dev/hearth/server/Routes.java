package dev.hearth.server;

import dev.hearth.server.realtime.http.RealtimeHttpEndpoints;
import dev.hearth.server.realtime.http.NotificationHttpEndpoints;
import dev.hearth.server.realtime.http.TableHttpEndpoints;
import dev.hearth.server.realtime.sse.SseEndpoints;
import dev.hearth.server.realtime.ws.WebSocketEndpoints;
import dev.hearth.server.auth.AuthEndpoints;
import dev.hearth.server.auth.JwksHandler;
import dev.hearth.server.campaigns.CampaignEndpoints;
import dev.hearth.server.http.ErrorMapper;
import dev.hearth.server.http.OpenApiHandler;
import dev.hearth.server.images.ImageEndpoints;
import dev.hearth.server.local.LocalAuthentication;
import dev.hearth.server.ops.LivenessHandler;
import dev.hearth.server.ops.MetricsHandler;
import dev.hearth.server.ops.ReadinessHandler;
import dev.hearth.server.web.WebClient;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import java.util.Optional;

/** Every route the server answers, top to bottom, and the one mapper for everything that fails. */
final class Routes {

    private final LivenessHandler liveness;
    private final ReadinessHandler readiness;
    private final MetricsHandler metrics;
    private final AuthEndpoints auth;
    private final Optional<LocalAuthentication> local;
    private final JwksHandler jwks;
    private final CampaignEndpoints campaigns;
    private final OpenApiHandler openApi;
    private final ErrorMapper errors;
    private final WebSocketEndpoints webSockets;
    private final RealtimeHttpEndpoints realtime;
    private final SseEndpoints sse;
    private final TableHttpEndpoints tables;
    private final NotificationHttpEndpoints notifications;
    private final ImageEndpoints images;
    private final Optional<WebClient> web;

    Routes(LivenessHandler liveness, ReadinessHandler readiness, MetricsHandler metrics, AuthEndpoints auth,
            Optional<LocalAuthentication> local, JwksHandler jwks, CampaignEndpoints campaigns, OpenApiHandler openApi, ErrorMapper errors,
            WebSocketEndpoints webSockets, RealtimeHttpEndpoints realtime, SseEndpoints sse,
            TableHttpEndpoints tables, NotificationHttpEndpoints notifications, ImageEndpoints images,
            Optional<WebClient> web) {
        this.liveness = liveness;
        this.readiness = readiness;
        this.metrics = metrics;
        this.auth = auth;
        this.local = local;
        this.jwks = jwks;
        this.campaigns = campaigns;
        this.openApi = openApi;
        this.errors = errors;
        this.webSockets = webSockets;
        this.realtime = realtime;
        this.sse = sse;
        this.tables = tables;
        this.notifications = notifications;
        this.images = images;
        this.web = web;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/health", liveness);
        routes.get("/ready", readiness);
        routes.get("/metrics", metrics);

        // The API (docs/api.md, and the same as /api/openapi.json: a test checks both).
        routes.get("/api/openapi.json", openApi);
        routes.get("/.well-known/jwks.json", jwks);
        routes.post("/api/auth/register", accountRoute(auth::register));
        routes.post("/api/auth/login", accountRoute(auth::login));
        routes.post("/api/auth/refresh", accountRoute(auth::refresh));
        routes.post("/api/auth/logout", accountRoute(auth::logout));
        routes.post("/api/auth/password", accountRoute(auth::changePassword));
        routes.get("/api/me", auth::me);
        routes.delete("/api/me", accountRoute(auth::deleteAccount));

        routes.post("/api/campaigns", campaigns::create);
        routes.get("/api/campaigns", campaigns::mine);
        routes.get("/api/campaigns/{id}", campaigns::view);
        routes.delete("/api/campaigns/{id}", campaigns::delete);
        routes.post("/api/campaigns/{id}/invites", campaigns::createInvite);
        routes.get("/api/campaigns/{id}/invites", campaigns::invites);
        routes.delete("/api/campaigns/{id}/invites/{inviteId}", campaigns::revokeInvite);
        routes.post("/api/invites/{code}/accept", campaigns::accept);
        routes.patch("/api/campaigns/{id}/members/{userId}", campaigns::changeRole);
        routes.delete("/api/campaigns/{id}/members/{userId}", campaigns::removeMember);
        routes.post("/api/campaigns/{id}/owner", campaigns::transferOwnership);
        routes.post("/api/campaigns/{id}/sessions", campaigns::createSession);
        routes.get("/api/campaigns/{id}/sessions", campaigns::sessions);

        // The shared map's images: raw bytes in, the same bytes out, addressed by their hash.
        routes.post("/api/sessions/{id}/images", images::upload);
        routes.get("/api/sessions/{id}/images/{hash}", images::read);

        // Real time (docs/protocol.md).
        routes.post("/api/realtime/ticket", realtime::ticket);
        routes.post("/api/sessions/{id}/commands", realtime::command);
        // Without a WebSocket: SSE for the streams, and HTTP for the rest (or long-poll for everything).
        routes.get("/api/realtime/activity", tables::activity);
        routes.post("/api/realtime/cursor", tables::cursor);
        routes.post("/api/realtime/draw", tables::draw);
        routes.post("/api/realtime/ruler", tables::ruler);
        routes.post("/api/realtime/ping", tables::ping);
        routes.get("/api/realtime/presence", tables::presence);
        routes.get("/api/sessions/{id}/chat", tables::chat);
        routes.get("/api/sessions/{id}/activity", tables::feed);
        routes.get("/api/sessions/{id}/dice", tables::dice);
        routes.get("/api/sessions/{id}/dice/stats", tables::diceStats);
        routes.get("/api/sessions/{id}/dice/probability", tables::probability);
        routes.get("/api/sessions/{id}/encounter", tables::encounter);
        routes.get("/api/sessions/{id}/map", tables::map);
        routes.get("/api/notifications", notifications::list);
        routes.post("/api/notifications/read", notifications::markRead);
        webSockets.addTo(routes);
        sse.addTo(routes);

        // The browser client (web/): its pages and hashed assets.
        web.ifPresent(client -> client.addTo(routes));

        // Javalin maps its own HttpResponseExceptions (among them the 404 for unknown paths) unless
        // told otherwise; registering the mapper for them too keeps one error shape everywhere.
        routes.exception(HttpResponseException.class, errors);
        routes.exception(Exception.class, errors);
        // A browser asking for an address the client's router does not know gets the app, which shows
        // its own "page not found" (with status 404); everything else gets the JSON error.
        routes.exception(EndpointNotFound.class, (e, ctx) -> {
            if (web.isEmpty() || !web.get().notFoundPage(ctx)) {
                errors.handle(e, ctx);
            }
        });
    }

    /** In local mode there are no accounts to sign in to or change: the route answers E014 instead. */
    private Handler accountRoute(Handler handler) {
        return local.<Handler>map(l -> l::refuseAccountRoute).orElse(handler);
    }
}
