package dev.hearth.server.realtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.inbox.InboxCommand;
import dev.hearth.server.auth.Identity;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.server.realtime.Realtime;
import dev.hearth.server.realtime.Tables;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The caller's notifications over plain HTTP, for clients on SSE or none: a page with the unread
 * count, and marking read. The same inbox stream as {@code /ws/user/{userId}} and
 * {@code /sse/notifications}, so a mark-read here reaches those connections as {@code notifications.read}.
 */
public final class NotificationHttpEndpoints {

    private final Realtime realtime;
    private final Function<Context, Outcome<Identity>> caller;
    private final HttpAnswers answers;

    public NotificationHttpEndpoints(Realtime realtime, Function<Context, Outcome<Identity>> caller) {
        this.realtime = realtime;
        this.caller = caller;
        this.answers = new HttpAnswers(realtime.metrics());
    }

    /** {@code GET /api/notifications?before=&limit=}: {@code {unread, readUpTo, latestSeq, items, nextBefore}}. */
    public void list(Context ctx) throws Exception {
        Optional<Identity> who = identity(ctx);
        if (who.isEmpty()) {
            return;
        }
        Optional<Long> before = answers.number(ctx, "before", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        Optional<Long> limit = answers.number(ctx, "limit", 50, 1, Tables.MAX_PAGE);
        if (before.isEmpty() || limit.isEmpty()) {
            return;
        }
        Optional<ObjectNode> page = realtime.inboxes().page(who.get().account().id(), before.get(),
                limit.get().intValue()).get(30, TimeUnit.SECONDS);
        page.ifPresentOrElse(ctx::json, () -> unavailable(ctx));
    }

    /**
     * {@code POST /api/notifications/read {upToSeq}}: everything up to that inbox seq is read. Answers
     * {@code {unread, readUpTo, latestSeq}}; marking read what is read already changes nothing.
     */
    public void markRead(Context ctx) throws Exception {
        Optional<Identity> who = identity(ctx);
        if (who.isEmpty()) {
            return;
        }
        JsonNode body;
        try {
            body = realtime.frames().json().readTree(ctx.body());
        } catch (IOException e) {
            body = null;
        }
        JsonNode upTo = body == null ? null : body.get("upToSeq");
        if (upTo == null || !upTo.isIntegralNumber() || !upTo.canConvertToLong()) {
            answers.refuse(ctx, Refusal.invalid("upToSeq", "The body is {\"upToSeq\": <an inbox seq>}."));
            return;
        }
        CompletableFuture<Tables.Reply> reply = new CompletableFuture<>();
        realtime.inboxes().submit(who.get(), new InboxCommand.MarkRead(upTo.asLong()), Optional.empty(), "http",
                System.nanoTime(), reply::complete);
        switch (reply.get(30, TimeUnit.SECONDS)) {
            case Tables.Reply.Error e -> answers.error(ctx, e.error());
            case Tables.Reply.Ack a -> {
                realtime.inboxes().summary(who.get().account().id()).get(30, TimeUnit.SECONDS)
                        .ifPresentOrElse(ctx::json, () -> unavailable(ctx));
            }
        }
    }

    private Optional<Identity> identity(Context ctx) {
        return switch (caller.apply(ctx)) {
            case Outcome.Refused<Identity> r -> {
                answers.refuse(ctx, r.refusal());
                yield Optional.empty();
            }
            case Outcome.Done<Identity> d -> {
                Optional<ErrorBody> limited = realtime.httpLimits().command(d.value().account().id());
                limited.ifPresent(error -> answers.error(ctx, error));
                yield limited.isPresent() ? Optional.empty() : Optional.of(d.value());
            }
        };
    }

    private void unavailable(Context ctx) {
        answers.error(ctx, new ErrorBody(ErrorCode.E008, "Your notifications cannot be read right now; try again"
                + " in a moment.", Map.of(), 1L));
    }
}
