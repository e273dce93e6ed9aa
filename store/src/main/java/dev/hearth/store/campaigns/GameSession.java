package dev.hearth.store.campaigns;

import dev.hearth.core.session.SessionId;
import java.time.Instant;
import java.util.Objects;

/** A game session of a campaign: a live table, whose history is the event log of {@code id}. */
public record GameSession(SessionId id, String campaignId, String name, Instant createdAt) {

    public GameSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
