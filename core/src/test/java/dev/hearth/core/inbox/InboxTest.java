package dev.hearth.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.core.access.Role;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.stream.Roster;
import dev.hearth.core.stream.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboxTest {

    final Inbox inbox = new Inbox();
    static final CommandContext OWNER = new CommandContext(new Caller("u-pia", "Pia", Role.PLAYER), Roster.EMPTY,
            Instant.parse("2026-01-02T03:04:05Z"), new java.util.SplittableRandom(8));

    static Notification note(String title) {
        return new Notification(NotificationKind.WHISPER, title, "body", Optional.of("u-gm"), Optional.of("c-1"),
                Optional.of("s-1"));
    }

    /** Decides a command, applies what it records after {@code state}'s latest seq, and returns the new state. */
    InboxState run(InboxState state, InboxCommand command) {
        Decision<InboxEvent> decision = inbox.decide(state, command, OWNER);
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        long seq = state.latestSeq();
        for (InboxEvent event : ((Decision.Accepted<InboxEvent>) decision).events()) {
            state = inbox.apply(state, event, ++seq);
        }
        return state;
    }

    InboxState delivered(int n) {
        InboxState state = inbox.initial();
        for (int i = 1; i <= n; i++) {
            state = run(state, new InboxCommand.Deliver(note("n" + i)));
        }
        return state;
    }

    static Rejection rejected(Decision<InboxEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<InboxEvent>) decision).rejection();
    }

    @Test
    void an_empty_inbox_has_nothing_unread_and_nothing_read() {
        assertThat(inbox.initial()).isEqualTo(InboxState.EMPTY);
        assertThat(InboxState.EMPTY.unreadCount()).isZero();
        assertThat(InboxState.EMPTY.readUpTo()).isZero();
        assertThat(InboxState.EMPTY.latestSeq()).isZero();
    }

    @Test
    void a_delivery_records_the_notification_and_counts_as_unread() {
        Notification n = note("Gemma whispered");
        assertThat(inbox.decide(inbox.initial(), new InboxCommand.Deliver(n), OWNER))
                .isEqualTo(Decision.accept(new InboxEvent.Notified(n)));
        InboxState state = delivered(3);
        assertThat(state.unreadCount()).isEqualTo(3);
        assertThat(state.unread()).containsExactly(1L, 2L, 3L);
        assertThat(state.latestSeq()).isEqualTo(3);
    }

    @Test
    void marking_read_up_to_a_seq_leaves_only_later_notifications_unread() {
        InboxState state = run(delivered(5), new InboxCommand.MarkRead(3));
        assertThat(state.unread()).containsExactly(4L, 5L);
        assertThat(state.unreadCount()).isEqualTo(2);
        assertThat(state.readUpTo()).isEqualTo(3);
        assertThat(state.latestSeq()).isEqualTo(6);

        state = run(state, new InboxCommand.MarkRead(6));
        assertThat(state.unreadCount()).isZero();
        assertThat(state.readUpTo()).isEqualTo(6);
        state = run(state, new InboxCommand.Deliver(note("later")));
        assertThat(state.unread()).containsExactly(8L);
    }

    @Test
    void marking_read_beyond_the_latest_seq_or_below_zero_is_refused() {
        InboxState state = delivered(4);
        for (long upTo : List.of(5L, 100L, Long.MAX_VALUE, -1L, Long.MIN_VALUE)) {
            Rejection r = rejected(inbox.decide(state, new InboxCommand.MarkRead(upTo), OWNER));
            assertThat(r.kind()).as("upTo %s", upTo).isEqualTo(Rejection.Kind.INVALID);
            assertThat(r.details()).containsEntry("field", "upToSeq");
            assertThat(r.message()).contains("4");
        }
        assertThat(inbox.decide(state, new InboxCommand.MarkRead(4), OWNER))
                .isEqualTo(Decision.accept(new InboxEvent.MarkedRead(4)));
        assertThat(rejected(inbox.decide(inbox.initial(), new InboxCommand.MarkRead(1), OWNER)).kind())
                .isEqualTo(Rejection.Kind.INVALID);
    }

    @Test
    void marking_read_what_is_read_already_records_nothing() {
        InboxState state = run(delivered(5), new InboxCommand.MarkRead(4));
        for (long upTo = 0; upTo <= 4; upTo++) {
            assertThat(inbox.decide(state, new InboxCommand.MarkRead(upTo), OWNER)).as("upTo %s", upTo)
                    .isEqualTo(Decision.accept());
        }
        assertThat(inbox.decide(state, new InboxCommand.MarkRead(5), OWNER))
                .isEqualTo(Decision.accept(new InboxEvent.MarkedRead(5)));
        assertThat(inbox.decide(inbox.initial(), new InboxCommand.MarkRead(0), OWNER)).isEqualTo(Decision.accept());
    }

    @Test
    void only_the_latest_10000_unread_notifications_are_kept() {
        InboxState state = inbox.initial();
        int n = InboxState.MAX_UNREAD + 5;
        for (long seq = 1; seq <= n; seq++) {
            state = inbox.apply(state, new InboxEvent.Notified(note("n")), seq);
        }
        assertThat(state.unreadCount()).isEqualTo(InboxState.MAX_UNREAD);
        assertThat(state.unread().getFirst()).isEqualTo(6L);
        assertThat(state.unread().getLast()).isEqualTo(n);
        state = inbox.apply(state, new InboxEvent.MarkedRead(n - 10), n + 1);
        assertThat(state.unreadCount()).isEqualTo(10);
    }

    @Test
    void the_latest_seq_is_that_of_the_last_event_applied_gaps_included() {
        InboxState state = inbox.apply(inbox.initial(), new InboxEvent.Notified(note("a")), 7);
        state = inbox.apply(state, new InboxEvent.Notified(note("b")), 12);
        assertThat(state.latestSeq()).isEqualTo(12);
        assertThat(state.unread()).containsExactly(7L, 12L);
        state = inbox.apply(state, new InboxEvent.MarkedRead(7), 20);
        assertThat(state.latestSeq()).isEqualTo(20);
        assertThat(state.unread()).containsExactly(12L);
        assertThat(rejected(inbox.decide(state, new InboxCommand.MarkRead(21), OWNER)).message()).contains("20");
    }

    @Test
    void applying_an_older_mark_read_never_moves_reading_back() {
        InboxState state = run(delivered(5), new InboxCommand.MarkRead(4));
        state = inbox.apply(state, new InboxEvent.MarkedRead(2), 7);
        assertThat(state.readUpTo()).isEqualTo(4);
        assertThat(state.unread()).containsExactly(5L);
    }

    @Test
    void every_inbox_event_is_visible_to_whoever_may_subscribe_the_owner() {
        for (InboxEvent e : List.of(new InboxEvent.Notified(note("x")), new InboxEvent.MarkedRead(1))) {
            assertThat(inbox.visibility(e)).isEqualTo(Visibility.EVERYONE);
        }
    }

    @Test
    void a_notification_keeps_a_title_of_200_and_a_body_of_4000_characters_as_they_are() {
        String title = "t".repeat(Notification.MAX_TITLE);
        String body = "b".repeat(Notification.MAX_BODY);
        Notification n = new Notification(NotificationKind.ANNOUNCEMENT, title, body, Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(n.title()).isEqualTo(title);
        assertThat(n.body()).isEqualTo(body);
    }

    @Test
    void a_notification_clips_a_long_title_and_body_with_an_ellipsis() {
        Notification n = new Notification(NotificationKind.SYSTEM, "t".repeat(500), "b".repeat(5000),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(n.title()).hasSize(Notification.MAX_TITLE).isEqualTo("t".repeat(199) + "…");
        assertThat(n.body()).hasSize(Notification.MAX_BODY).isEqualTo("b".repeat(3999) + "…");
        Notification justOver = new Notification(NotificationKind.SYSTEM, "t".repeat(201), "b", Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(justOver.title()).isEqualTo("t".repeat(199) + "…");
    }

    @Test
    void clipping_never_cuts_a_surrogate_pair_in_half() {
        String emoji = "\uD83D\uDE00";
        // The pair straddles the cut: chars 198 and 199.
        Notification n = new Notification(NotificationKind.WHISPER, "a".repeat(198) + emoji + "tail", "b",
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(n.title()).isEqualTo("a".repeat(198) + "…");
        // The pair ends just before the cut: kept whole.
        Notification whole = new Notification(NotificationKind.WHISPER, "a".repeat(197) + emoji + "tail", "b",
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(whole.title()).isEqualTo("a".repeat(197) + emoji + "…");
    }

    @Test
    void a_notification_needs_every_field() {
        assertThatThrownBy(() -> new Notification(null, "t", "b", Optional.empty(), Optional.empty(),
                Optional.empty())).isInstanceOf(NullPointerException.class).hasMessage("kind");
        assertThatThrownBy(() -> new Notification(NotificationKind.SYSTEM, "t", "b", null, Optional.empty(),
                Optional.empty())).isInstanceOf(NullPointerException.class).hasMessage("from");
        assertThatThrownBy(() -> new InboxCommand.Deliver(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void notification_kinds_have_stable_wire_ids() {
        assertThat(NotificationKind.byId("whisper")).contains(NotificationKind.WHISPER);
        assertThat(NotificationKind.byId("announcement")).contains(NotificationKind.ANNOUNCEMENT);
        assertThat(NotificationKind.byId("system")).contains(NotificationKind.SYSTEM);
        assertThat(NotificationKind.byId("WHISPER")).isEmpty();
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(NotificationKind.byId(kind.id())).contains(kind);
        }
    }
}
