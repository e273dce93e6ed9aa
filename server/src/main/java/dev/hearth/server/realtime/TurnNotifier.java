package dev.hearth.server.realtime;

import dev.hearth.core.access.Role;
import dev.hearth.core.combat.CombatEvent;
import dev.hearth.core.inbox.Notification;
import dev.hearth.core.inbox.NotificationKind;
import dev.hearth.core.session.SessionId;
import dev.hearth.core.stream.Roster;
import dev.hearth.core.table.TableEvent;
import dev.hearth.server.realtime.stream.CommitListener;
import dev.hearth.store.campaigns.CampaignStore;
import dev.hearth.store.campaigns.GameSession;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Tells a player when a combatant they own starts its turn ("Your turn — Aria, round 2") or is next
 * ("You're on deck — Aria"): an inbox notification of kind {@code turn}, durable the way
 * {@link ChatNotifier}'s are, with a message id from the table event ({@code t-<session>-<seq>}).
 * Only if the owner may see the event: a hidden combatant's turn is the GMs' secret.
 */
final class TurnNotifier implements CommitListener<TableEvent> {

    private final CampaignStore campaigns;
    private final Function<String, Roster> rosters;
    private final BiFunction<SessionId, String, CompletableFuture<Optional<String>>> combatantName;
    private final InboxDelivery delivery;
    private final Set<SessionId> replayed = ConcurrentHashMap.newKeySet();

    /**
     * @param combatantName a combatant's name as the table has it now, read on the table's actor
     *     after the commit (never waited for on it)
     */
    TurnNotifier(CampaignStore campaigns, Function<String, Roster> rosters,
            BiFunction<SessionId, String, CompletableFuture<Optional<String>>> combatantName, InboxDelivery delivery) {
        this.campaigns = campaigns;
        this.rosters = rosters;
        this.combatantName = combatantName;
        this.delivery = delivery;
    }

    @Override
    public int replayOnLoad(SessionId stream) {
        return replayed.add(stream) ? ChatNotifier.REPLAY_ON_FIRST_LOAD : 0;
    }

    @Override
    public void committed(SessionId sessionId, TableEvent event, long seq, String authorId) {
        if (!(event instanceof TableEvent.CombatHappened happened)) {
            return;
        }
        String combatantId;
        Optional<String> owner;
        Function<String, String> title;
        switch (happened.event()) {
            case CombatEvent.TurnStarted t -> {
                combatantId = t.combatantId();
                owner = t.ownerUserId();
                title = name -> "Your turn — " + name + ", round " + t.round();
            }
            case CombatEvent.OnDeck d -> {
                combatantId = d.combatantId();
                owner = d.ownerUserId();
                title = name -> "You're on deck — " + name;
            }
            default -> {
                return;
            }
        }
        if (owner.isEmpty()) {
            return;
        }
        Optional<GameSession> session = campaigns.findSession(sessionId);
        Optional<Role> role = session.flatMap(s -> rosters.apply(s.campaignId()).roleOf(owner.get()));
        if (role.isEmpty() || !happened.visibility().allows(owner.get(), role.get())) {
            return;
        }
        String messageId = "t-" + sessionId.value() + "-" + seq;
        combatantName.apply(sessionId, combatantId).thenAccept(name -> delivery.deliver(owner.get(),
                new Notification(NotificationKind.TURN, title.apply(name.orElse("your combatant")),
                        session.map(s -> "At " + s.name() + ".").orElse(""), Optional.of(authorId),
                        session.map(GameSession::campaignId), Optional.of(sessionId.value())),
                messageId));
    }
}
