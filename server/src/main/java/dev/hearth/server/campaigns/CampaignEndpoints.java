package dev.hearth.server.campaigns;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.server.auth.RequestAuthentication;
import dev.hearth.server.http.JsonBody;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.store.accounts.Account;
import dev.hearth.store.campaigns.Acceptance;
import dev.hearth.store.campaigns.Campaign;
import dev.hearth.store.campaigns.GameSession;
import dev.hearth.store.campaigns.Invite;
import dev.hearth.store.campaigns.Member;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The HTTP face of {@link Campaigns}: {@code /api/campaigns/*} and {@code /api/invites/{code}/accept}.
 * Every route is authenticated (a bearer token, or local mode's one user); each handler only decodes, calls and encodes.
 */
public final class CampaignEndpoints {

    /** Campaign bodies are a name or a role; 8 KiB leaves room and bounds the work a request causes. */
    static final int BODY_LIMIT = 8 * 1024;

    private final Campaigns campaigns;
    private final RequestAuthentication caller;
    private final JsonBody body;

    public CampaignEndpoints(Campaigns campaigns, RequestAuthentication caller, ObjectMapper json) {
        this.campaigns = campaigns;
        this.caller = caller;
        this.body = new JsonBody(json, BODY_LIMIT);
    }

    public void create(Context ctx) {
        withBody(ctx, CampaignRequests.CreateCampaign.class, (me, r) ->
                send(ctx, campaigns.create(me, r), c -> ctx.status(201).json(campaignJson(c, true))));
    }

    public void mine(Context ctx) {
        authenticated(ctx, me -> ctx.json(Map.of("campaigns", campaigns.mine(me).stream().map(m -> {
            Map<String, Object> json = campaignJson(m.campaign(), m.campaign().ownerId().equals(me.id()));
            json.put("role", m.role().id());
            return json;
        }).toList())));
    }

    public void view(Context ctx) {
        authenticated(ctx, me -> send(ctx, campaigns.view(me, ctx.pathParam("id")), v -> {
            Map<String, Object> json = campaignJson(v.campaign(), v.me().owner());
            json.put("role", v.me().role().id());
            json.put("members", v.members().stream().map(CampaignEndpoints::memberJson).toList());
            json.put("sessions", v.sessions().stream().map(CampaignEndpoints::sessionJson).toList());
            v.invites().ifPresent(invites -> json.put("invites", invites.stream().map(CampaignEndpoints::inviteJson).toList()));
            ctx.json(json);
        }));
    }

    public void delete(Context ctx) {
        authenticated(ctx, me -> send(ctx, campaigns.delete(me, ctx.pathParam("id")), id -> ctx.status(204)));
    }

    public void createInvite(Context ctx) {
        withBody(ctx, CampaignRequests.CreateInvite.class, (me, r) ->
                send(ctx, campaigns.createInvite(me, ctx.pathParam("id"), r), created -> {
                    Map<String, Object> json = inviteJson(created.invite());
                    json.put("code", created.code());
                    json.put("acceptPath", "/api/invites/" + created.code() + "/accept");
                    ctx.status(201).header("Cache-Control", "no-store").json(json);
                }));
    }

    public void invites(Context ctx) {
        authenticated(ctx, me -> send(ctx, campaigns.invites(me, ctx.pathParam("id")), invites ->
                ctx.json(Map.of("invites", invites.stream().map(CampaignEndpoints::inviteJson).toList()))));
    }

    public void revokeInvite(Context ctx) {
        authenticated(ctx, me -> send(ctx, campaigns.revokeInvite(me, ctx.pathParam("id"), ctx.pathParam("inviteId")),
                id -> ctx.status(204)));
    }

    public void accept(Context ctx) {
        authenticated(ctx, me -> send(ctx, campaigns.accept(me, ctx.pathParam("code")), acceptance -> {
            Map<String, Object> json = new LinkedHashMap<>();
            switch (acceptance) {
                case Acceptance.Joined joined -> {
                    json.put("campaignId", joined.campaignId());
                    json.put("role", joined.role().id());
                    json.put("joined", true);
                }
                case Acceptance.AlreadyMember member -> {
                    json.put("campaignId", member.campaignId());
                    json.put("role", member.role().id());
                    json.put("joined", false);
                }
                case Acceptance.Refused refused -> throw new IllegalStateException("a refusal is not an outcome value");
            }
            ctx.json(json);
        }));
    }

    public void changeRole(Context ctx) {
        withBody(ctx, CampaignRequests.ChangeRole.class, (me, r) -> send(ctx,
                campaigns.changeRole(me, ctx.pathParam("id"), ctx.pathParam("userId"), r), m -> ctx.json(memberJson(m))));
    }

    public void removeMember(Context ctx) {
        authenticated(ctx, me -> {
            String ban = ctx.queryParam("ban");
            if (ban != null && !ban.equals("true") && !ban.equals("false")) {
                Refusal.invalid("ban", "ban is true or false.").sendTo(ctx);
                return;
            }
            send(ctx, campaigns.remove(me, ctx.pathParam("id"), ctx.pathParam("userId"), "true".equals(ban)),
                    id -> ctx.status(204));
        });
    }

    public void transferOwnership(Context ctx) {
        withBody(ctx, CampaignRequests.TransferOwnership.class, (me, r) ->
                send(ctx, campaigns.transferOwnership(me, ctx.pathParam("id"), r), id -> ctx.status(204)));
    }

    public void createSession(Context ctx) {
        withBody(ctx, CampaignRequests.CreateSession.class, (me, r) ->
                send(ctx, campaigns.createSession(me, ctx.pathParam("id"), r), s -> ctx.status(201).json(sessionJson(s))));
    }

    public void sessions(Context ctx) {
        authenticated(ctx, me -> send(ctx, campaigns.sessions(me, ctx.pathParam("id")), sessions ->
                ctx.json(Map.of("sessions", sessions.stream().map(CampaignEndpoints::sessionJson).toList()))));
    }

    private void authenticated(Context ctx, Consumer<Account> then) {
        ctx.header("Cache-Control", "no-store");
        send(ctx, caller.account(ctx), then);
    }

    private <T> void withBody(Context ctx, Class<T> type, BiConsumer<Account, T> then) {
        authenticated(ctx, me -> {
            switch (body.read(ctx, type)) {
                case JsonBody.Read.Value<T> value -> then.accept(me, value.value());
                case JsonBody.Read.Refused<T> refused -> refused.refusal().sendTo(ctx);
            }
        });
    }

    private static <T> void send(Context ctx, Outcome<T> outcome, Consumer<T> then) {
        switch (outcome) {
            case Outcome.Done<T> done -> then.accept(done.value());
            case Outcome.Refused<T> refused -> refused.refusal().sendTo(ctx);
        }
    }

    private static Map<String, Object> campaignJson(Campaign c, boolean owner) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("name", c.name());
        json.put("ownerId", c.ownerId());
        json.put("owner", owner);
        json.put("createdAt", c.createdAt().toString());
        return json;
    }

    private static Map<String, Object> memberJson(Member m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("userId", m.accountId());
        json.put("displayName", m.displayName());
        json.put("role", m.role().id());
        json.put("owner", m.owner());
        json.put("joinedAt", m.joinedAt().toString());
        return json;
    }

    private static Map<String, Object> sessionJson(GameSession s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id().value());
        json.put("name", s.name());
        json.put("createdAt", s.createdAt().toString());
        return json;
    }

    private static Map<String, Object> inviteJson(Invite i) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", i.id());
        json.put("role", i.role().id());
        json.put("createdBy", i.createdBy());
        json.put("createdAt", i.createdAt().toString());
        json.put("expiresAt", i.expiresAt().toString());
        json.put("maxUses", i.maxUses());
        json.put("uses", i.uses());
        json.put("revoked", i.revokedAt().isPresent());
        return json;
    }
}
