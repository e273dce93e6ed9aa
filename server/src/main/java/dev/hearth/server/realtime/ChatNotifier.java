package dev.hearth.server.realtime;

import dev.hearth.core.access.Role;
import dev.hearth.core.inbox.Notification;
import dev.hearth.core.inbox.NotificationKind;
import dev.hearth.core.session.SessionId;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Roster;
import dev.hearth.core.table.Audience;
import dev.hearth.core.table.ChatKind;
import dev.hearth.core.table.TableEvent;
import dev.hearth.server.realtime.stream.CommitListener;
import dev.hearth.store.campaigns.CampaignStore;
import dev.hearth.store.campaigns.GameSession;
import dev.hearth.store.EventStore;
import dev.hearth.store.SessionHead;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whispers and announcements also reach the inboxes of those they are for, wherever they are.
 *
 * <p>The notification is a command on another stream, submitted after the chat line commits, so it
 * is made durable the way an outbox is: each one has a message id derived from the chat event
 * ({@code n-<session>-<seq>}), which the inbox keeps in its log, so delivering it twice records it
 * once. A failed delivery (store overloaded or down) is retried with backoff; and when a table is
 * first loaded in this process, its latest events are replayed here, which finishes what a crash
 * between the commit and the delivery left undone.
 */
final class ChatNotifier implements CommitListener<TableEvent> {

    private static final Logger log = LoggerFactory.getLogger(ChatNotifier.class);

    /** Far more than can be in flight between a commit and its notification when a process dies. */
    static final int REPLAY_ON_FIRST_LOAD = 128;
    /** Tables written to this long before the last write of the previous process may have notifications pending. */
    private static final Duration RECENT_BEFORE_STOP = Duration.ofMinutes(5);

    private final CampaignStore campaigns;
    private final Function<String, Roster> rosters;
    private final InboxDelivery delivery;
    private final Set<SessionId> replayed = ConcurrentHashMap.newKeySet();

    ChatNotifier(CampaignStore campaigns, Function<String, Roster> rosters, InboxDelivery delivery) {
        this.campaigns = campaigns;
        this.rosters = rosters;
        this.delivery = delivery;
    }

    /**
     * Loads, through {@code load}, the tables written to in the last minutes before {@code startedAt}
     * (the newest write then is about when the previous process stopped), so that their first load
     * replays their latest events here: notifications a crash cut off are delivered now, not when
     * someone next opens the table. Runs once, at start; it only reads the store's session list.
     */
    void recoverAfterRestart(EventStore store, Instant startedAt, Consumer<SessionId> load) {
        List<SessionHead> tables = new ArrayList<>();
        Optional<SessionId> after = Optional.empty();
        while (true) {
            List<SessionHead> page = store.listSessions(after, 1000);
            page.stream().filter(h -> isTable(h.sessionId()) && h.updatedAt().isBefore(startedAt)).forEach(tables::add);
            if (page.size() < 1000) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).sessionId());
        }
        Optional<Instant> lastWrite = tables.stream().map(SessionHead::updatedAt).max(Instant::compareTo);
        if (lastWrite.isEmpty()) {
            return;
        }
        Instant from = lastWrite.get().minus(RECENT_BEFORE_STOP);
        List<SessionId> busy = tables.stream().filter(h -> !h.updatedAt().isBefore(from)).map(SessionHead::sessionId).toList();
        log.debug("re-delivering the latest notifications of {} tables busy before the last stop", busy.size());
        busy.forEach(load);
    }

    private static boolean isTable(SessionId id) {
        return !id.value().startsWith(Realtime.INBOX_PREFIX) && !id.equals(Realtime.SYSTEM_STREAM);
    }

    @Override
    public int replayOnLoad(SessionId stream) {
        return replayed.add(stream) ? REPLAY_ON_FIRST_LOAD : 0;
    }

    @Override
    public void committed(SessionId sessionId, TableEvent event, long seq, String authorId) {
        if (!(event instanceof TableEvent.ChatPosted posted)) {
            return;
        }
        Optional<GameSession> session = campaigns.findSession(sessionId);
        List<String> to = recipients(posted, authorId, session);
        if (to.isEmpty()) {
            return;
        }
        NotificationKind kind = posted.kind() == ChatKind.ANNOUNCEMENT ? NotificationKind.ANNOUNCEMENT
                : NotificationKind.WHISPER;
        String title = kind == NotificationKind.ANNOUNCEMENT
                ? "Announcement from " + posted.displayName()
                : posted.displayName() + " whispers" + session.map(s -> " at " + s.name()).orElse("");
        Notification notification = new Notification(kind, title, posted.text(), Optional.of(authorId),
                session.map(GameSession::campaignId), Optional.of(sessionId.value()));
        String messageId = "n-" + sessionId.value() + "-" + seq;
        for (String userId : to) {
            delivery.deliver(userId, notification, messageId);
        }
    }

    private List<String> recipients(TableEvent.ChatPosted posted, String authorId, Optional<GameSession> session) {
        return switch (posted.to()) {
            case Audience.Whisper w -> List.copyOf(w.userIds());
            case Audience.Gms g -> session.map(s -> rosters.apply(s.campaignId()).members().values().stream()
                    .filter(c -> c.role() == Role.GM && !c.userId().equals(authorId))
                    .map(Caller::userId).toList()).orElse(List.of());
            case Audience.Table t -> posted.kind() == ChatKind.ANNOUNCEMENT
                    ? session.map(s -> rosters.apply(s.campaignId()).members().keySet().stream()
                            .filter(u -> !u.equals(authorId)).toList()).orElse(List.of())
                    : List.of();
        };
    }
}
