package dev.hearth.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Role;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.stream.Roster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** The inbox against a model: the notifications delivered and the highest point marked read. */
class InboxProperties {

    final Inbox inbox = new Inbox();
    static final CommandContext OWNER = new CommandContext(new Caller("u-pia", "Pia", Role.PLAYER), Roster.EMPTY,
            Instant.parse("2026-01-02T03:04:05Z"), new java.util.SplittableRandom(8));
    static final Notification NOTE = new Notification(NotificationKind.WHISPER, "Gemma whispered", "psst",
            Optional.of("u-gm"), Optional.empty(), Optional.empty());

    /** A delivery, or marking read up to a seq somewhere around the log (beyond it and below zero too). */
    @Provide
    Arbitrary<InboxCommand> commands() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(new InboxCommand.Deliver(NOTE))),
                Tuple.of(2, Arbitraries.longs().between(-2, 70).map(InboxCommand.MarkRead::new)));
    }

    @Property
    void the_unread_count_is_the_number_of_notifications_after_the_highest_point_marked_read(
            @ForAll @Size(max = 60) List<@From("commands") InboxCommand> commands) {
        InboxState state = inbox.initial();
        List<Long> notified = new ArrayList<>();
        long highestRead = 0;
        long seq = 0;
        int rejected = 0;
        for (InboxCommand command : commands) {
            Decision<InboxEvent> decision = inbox.decide(state, command, OWNER);
            switch (command) {
                case InboxCommand.Deliver deliver ->
                        assertThat(decision).isEqualTo(Decision.accept(new InboxEvent.Notified(NOTE)));
                case InboxCommand.MarkRead read -> {
                    if (read.upToSeq() < 0 || read.upToSeq() > seq) {
                        rejected++;
                        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, r -> assertThat(
                                ((Decision.Rejected<?>) r).rejection().kind()).isEqualTo(Rejection.Kind.INVALID));
                    } else if (read.upToSeq() <= highestRead) {
                        assertThat(decision).as("marking read %s again", read.upToSeq()).isEqualTo(Decision.accept());
                    } else {
                        assertThat(decision).isEqualTo(Decision.accept(new InboxEvent.MarkedRead(read.upToSeq())));
                        highestRead = read.upToSeq();
                    }
                }
            }
            if (decision instanceof Decision.Accepted<InboxEvent> accepted) {
                for (InboxEvent event : accepted.events()) {
                    state = inbox.apply(state, event, ++seq);
                    if (event instanceof InboxEvent.Notified) {
                        notified.add(seq);
                    }
                }
            }
            long read = highestRead;
            List<Long> unread = notified.stream().filter(s -> s > read).toList();
            assertThat(state.unread()).isEqualTo(unread);
            assertThat(state.unreadCount()).isEqualTo(unread.size());
            assertThat(state.readUpTo()).isEqualTo(highestRead);
            assertThat(state.latestSeq()).isEqualTo(seq);
        }
        Statistics.label("rejected mark-reads").collect(rejected > 0);
        Statistics.label("unread at the end").collect(state.unreadCount() == 0 ? "none" : "some");
        Statistics.label("rejected mark-reads").coverage(c -> c.check(true).percentage(p -> p >= 20));
        Statistics.label("unread at the end").coverage(c -> {
            c.check("some").percentage(p -> p >= 20);
            c.check("none").percentage(p -> p >= 3);
        });
    }

    /** Some plain text, then a mix with surrogate pairs: so the limit often falls inside the mix. */
    @Provide
    Arbitrary<String> texts() {
        return Combinators.combine(Arbitraries.integers().between(160, 230),
                Arbitraries.of("a", "é", "\uD83D\uDE00", " ", "\n").list().ofMaxSize(30))
                .as((plain, mix) -> "p".repeat(plain) + String.join("", mix));
    }

    @Property
    void clipping_keeps_short_text_and_cuts_long_text_to_at_most_the_limit_on_a_code_point(
            @ForAll("texts") String title) {
        int max = Notification.MAX_TITLE;
        String clipped = new Notification(NotificationKind.SYSTEM, title, "", Optional.empty(), Optional.empty(),
                Optional.empty()).title();
        if (title.length() <= max) {
            assertThat(clipped).isEqualTo(title);
        } else {
            assertThat(clipped).endsWith("…").hasSizeLessThanOrEqualTo(max).hasSizeGreaterThanOrEqualTo(max - 1);
            assertThat(title).startsWith(clipped.substring(0, clipped.length() - 1));
            assertThat(clipped.codePoints()
                    .filter(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE))
                    .as("lone surrogates").isEmpty();
        }
        Statistics.label("clipped").collect(title.length() > max);
        Statistics.label("clipped").coverage(c -> c.check(true).percentage(p -> p >= 20));
    }
}
