package dev.hearth.server.realtime.http;

import dev.hearth.server.auth.Identity;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.server.realtime.Realtime;
import dev.hearth.server.realtime.Tables;
import dev.hearth.server.realtime.protocol.Inbound;
import dev.hearth.server.realtime.protocol.InboundParser;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The HTTP side of the real-time engine: connection tickets, and commands for clients on SSE or
 * long-poll ({@code POST /api/sessions/{id}/commands}), which take the same path as WebSocket
 * commands and answer the same ack or error.
 */
public final class RealtimeHttpEndpoints {

    private final Realtime realtime;
    private final Function<Context, Outcome<Identity>> caller;
    private final HttpAnswers answers;

    /** @param caller who a request is (bearer token, or local mode's user) */
    public RealtimeHttpEndpoints(Realtime realtime, Function<Context, Outcome<Identity>> caller) {
        this.realtime = realtime;
        this.caller = caller;
        this.answers = new HttpAnswers(realtime.metrics());
    }

    /** {@code POST /api/realtime/ticket}: a single-use ticket for a connection URL, valid for seconds. */
    public void ticket(Context ctx) {
        switch (caller.apply(ctx)) {
            case Outcome.Refused<Identity> r -> r.refusal().sendTo(ctx);
            case Outcome.Done<Identity> d -> ctx.json(Map.of("ticket", realtime.identities().issueTicket(d.value()),
                    "expiresInSeconds", realtime.identities().ticketTtl().toSeconds()));
        }
    }

    /**
     * {@code POST /api/sessions/{id}/commands} with one envelope {@code {id, type, payload}}: answers
     * {@code 200 {"type":"ack","re":id,"seq":n,...}} after commit, or the error.
     */
    public void command(Context ctx) throws Exception {
        Outcome<Identity> who = caller.apply(ctx);
        if (who instanceof Outcome.Refused<Identity> r) {
            r.refusal().sendTo(ctx);
            return;
        }
        Identity identity = ((Outcome.Done<Identity>) who).value();
        long received = System.nanoTime();
        Optional<ErrorBody> limited = realtime.httpLimits().command(identity.account().id());
        if (limited.isPresent()) {
            answers.error(ctx, limited.get());
            return;
        }
        Outcome<Tables.Seat> seat = realtime.tables().seat(identity, ctx.pathParam("id"));
        if (seat instanceof Outcome.Refused<Tables.Seat> r) {
            r.refusal().sendTo(ctx);
            return;
        }
        Inbound message;
        switch (realtime.parser().parse(ctx.body())) {
            case InboundParser.Result.Refused refused -> {
                answers.error(ctx, refused.error());
                return;
            }
            case InboundParser.Result.Parsed parsed -> message = parsed.message();
        }
        if (!realtime.tables().isCommand(message.type())) {
            answers.error(ctx, Refusal.invalid("type", "Unknown command type '" + message.type() + "'.").body());
            return;
        }
        CompletableFuture<Tables.Reply> reply = new CompletableFuture<>();
        realtime.tables().command(((Outcome.Done<Tables.Seat>) seat).value(), message, received, reply::complete);
        switch (reply.get(30, TimeUnit.SECONDS)) {
            case Tables.Reply.Ack a -> {
                Map<String, Object> ack = new java.util.LinkedHashMap<>();
                ack.put("type", "ack");
                ack.put("re", message.id());
                ack.put("seq", a.ack().seq());
                ack.put("events", a.ack().events());
                if (a.ack().duplicate()) {
                    ack.put("duplicate", true);
                }
                ctx.json(ack);
            }
            case Tables.Reply.Error e -> answers.error(ctx, e.error());
        }
    }


}
