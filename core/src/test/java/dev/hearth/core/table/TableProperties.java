package dev.hearth.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Role;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.stream.Roster;
import dev.hearth.core.stream.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants of the table under any sequence of commands from any members: deciding is
 * deterministic and total, replaying the log rebuilds the state, whispers never reach anyone but
 * their participants, and the recent chat stays bounded and in log order.
 */
class TableProperties {

    final Table table = new Table();

    /** Member ids are u-0..u-5 (as many as the roster has); the rest of these are strangers. */
    static final List<String> IDS = List.of("u-0", "u-1", "u-2", "u-3", "u-4", "u-5", "u-stranger", "u-gone");
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    /** Who sends a command: an index into the roster, wrapped to its size. */
    record Step(int who, TableCommand command) {}

    /** Everything one run decided and recorded. */
    record Run(List<TableEvent> log, List<Long> seqs, List<TableState> states,
            List<Decision<TableEvent>> decisions) {}

    // --- Generators -------------------------------------------------------------------------

    @Provide
    Arbitrary<List<Caller>> members() {
        return Arbitraries.of(Role.class).list().ofMinSize(2).ofMaxSize(6).map(roles -> IntStream
                .range(0, roles.size())
                .mapToObj(i -> new Caller("u-" + i, "Member " + i, roles.get(i)))
                .toList());
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), commands()).as(Step::new);
    }

    Arbitrary<TableCommand> commands() {
        Arbitrary<ChatKind> kinds = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(ChatKind.IN_CHARACTER)),
                Tuple.of(4, Arbitraries.just(ChatKind.OUT_OF_CHARACTER)),
                Tuple.of(2, Arbitraries.just(ChatKind.EMOTE)),
                Tuple.of(1, Arbitraries.just(ChatKind.ANNOUNCEMENT)));
        Arbitrary<TableCommand> chat = Combinators.combine(texts(), kinds, audiences(), speakers())
                .as(TableCommand.PostChat::new);
        return Arbitraries.frequencyOf(
                Tuple.of(8, chat),
                Tuple.of(1, Arbitraries.just(new TableCommand.Arrive())),
                Tuple.of(1, Arbitraries.just(new TableCommand.Leave())));
    }

    Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings().alpha().numeric().withChars(" .,!?\n\t").ofMinLength(1)
                        .ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(12)),
                Tuple.of(1, Arbitraries.of("", "   ", "\n", "a\rb", "x".repeat(ChatRules.MAX_TEXT),
                        "x".repeat(ChatRules.MAX_TEXT + 1))));
    }

    Arbitrary<Audience> audiences() {
        // Mostly to members (the roster has at least u-0 and u-1), sometimes to anyone, strangers included.
        Arbitrary<Audience> toMembers = Arbitraries.of(IDS.subList(0, 3)).set().ofMinSize(1).ofMaxSize(2)
                .map(Audience.Whisper::new);
        Arbitrary<Audience> toAnyone = Arbitraries.of(IDS).set().ofMaxSize(4).map(Audience.Whisper::new);
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Audience.TABLE)),
                Tuple.of(2, Arbitraries.just(Audience.GMS)),
                Tuple.of(3, toMembers),
                Tuple.of(1, toAnyone));
    }

    Arbitrary<Optional<String>> speakers() {
        return Arbitraries.frequencyOf(
                Tuple.of(7, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(2, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(Optional::of)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(70).map(Optional::of)));
    }

    // --- Running ----------------------------------------------------------------------------

    static Roster roster(List<Caller> members) {
        Map<String, Caller> byId = new LinkedHashMap<>();
        members.forEach(m -> byId.put(m.userId(), m));
        return new Roster(byId);
    }

    static Caller sender(List<Caller> members, Step step) {
        return members.get(step.who() % members.size());
    }

    /** Decides each step in the state so far and applies what it records, numbering events 1, 2, 3... */
    Run run(List<Caller> members, List<Step> steps) {
        Roster roster = roster(members);
        TableState state = table.initial();
        List<TableEvent> log = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        List<TableState> states = new ArrayList<>();
        List<Decision<TableEvent>> decisions = new ArrayList<>();
        for (Step step : steps) {
            Decision<TableEvent> decision = table.decide(state, step.command(),
                    new CommandContext(sender(members, step), roster, NOW, new java.util.SplittableRandom(8)));
            decisions.add(decision);
            if (decision instanceof Decision.Accepted<TableEvent> accepted) {
                for (TableEvent event : accepted.events()) {
                    long seq = log.size() + 1;
                    log.add(event);
                    seqs.add(seq);
                    state = table.apply(state, event, seq);
                    states.add(state);
                }
            }
        }
        return new Run(log, seqs, states, decisions);
    }

    static TableState last(Run run, TableState initial) {
        return run.states().isEmpty() ? initial : run.states().getLast();
    }

    // --- (a) Determinism --------------------------------------------------------------------

    @Property
    void replaying_the_accepted_events_in_order_rebuilds_the_state_they_built_as_decided(
            @ForAll("members") List<Caller> members, @ForAll @Size(max = 60) List<@From("steps") Step> steps) {
        Run run = run(members, steps);
        TableState replayed = table.initial();
        for (int i = 0; i < run.log().size(); i++) {
            replayed = table.apply(replayed, run.log().get(i), run.seqs().get(i));
        }
        TableState decided = last(run, table.initial());
        assertThat(replayed).isEqualTo(decided);
        assertThat(List.copyOf(replayed.seated().keySet())).isEqualTo(List.copyOf(decided.seated().keySet()));
        assertThat(replayed.recentChat()).isEqualTo(decided.recentChat());

        // Deciding the same commands again decides the same way, rejections included.
        assertThat(run(members, steps).decisions()).isEqualTo(run.decisions());
        Statistics.label("runs recording events").collect(!run.log().isEmpty());
        Statistics.label("runs recording events").coverage(coverage -> coverage.check(true).percentage(p -> p >= 50));
    }

    @Property
    void decide_never_throws_and_records_at_most_one_event_by_the_caller(
            @ForAll("members") List<Caller> members, @ForAll @Size(max = 60) List<@From("steps") Step> steps) {
        Roster roster = roster(members);
        TableState state = table.initial();
        long seq = 0;
        for (Step step : steps) {
            Caller caller = sender(members, step);
            Decision<TableEvent> decision = table.decide(state, step.command(),
                    new CommandContext(caller, roster, NOW, new java.util.SplittableRandom(8)));
            assertThat(decision).isNotNull();
            if (decision instanceof Decision.Accepted<TableEvent> accepted) {
                assertThat(accepted.events()).hasSizeLessThanOrEqualTo(1);
                for (TableEvent event : accepted.events()) {
                    assertThat(event.userId()).isEqualTo(caller.userId());
                    if (event instanceof TableEvent.ChatPosted posted) {
                        var chat = (TableCommand.PostChat) step.command();
                        assertThat(posted).isEqualTo(new TableEvent.ChatPosted(caller.userId(), caller.displayName(),
                                chat.kind(), chat.text(), chat.to(), chat.as()));
                        assertThat(posted.kind() != ChatKind.ANNOUNCEMENT || caller.role() == Role.GM).isTrue();
                    }
                    state = table.apply(state, event, ++seq);
                }
            } else {
                assertThat(((Decision.Rejected<TableEvent>) decision).rejection().message()).isNotBlank();
            }
        }
    }

    @Property
    void a_whisper_is_refused_for_its_first_fault_naming_the_first_stranger_in_id_order(
            @ForAll("members") List<Caller> members, @ForAll("steps") Step step,
            @ForAll("whisperLists") List<String> recipients) {
        Caller caller = sender(members, step);
        Roster roster = roster(members);
        CommandContext context = new CommandContext(caller, roster, NOW, new java.util.SplittableRandom(8));
        Set<String> to = new LinkedHashSet<>(recipients);
        Decision<TableEvent> decision = table.decide(table.initial(), new TableCommand.PostChat("psst",
                ChatKind.OUT_OF_CHARACTER, new Audience.Whisper(to), Optional.empty()), context);

        List<String> strangers = to.stream().filter(id -> roster.member(id).isEmpty()).sorted().toList();
        if (to.isEmpty() || to.contains(caller.userId()) || !strangers.isEmpty()) {
            assertThat(decision).isInstanceOf(Decision.Rejected.class);
            var rejection = ((Decision.Rejected<TableEvent>) decision).rejection();
            assertThat(rejection.kind()).isEqualTo(Rejection.Kind.INVALID);
            assertThat(rejection.details()).containsEntry("field", "to");
            if (to.isEmpty() || to.contains(caller.userId())) {
                assertThat(rejection.details()).doesNotContainKey("userId");
            } else {
                assertThat(rejection.details()).containsEntry("userId", strangers.getFirst());
                assertThat(rejection.message()).contains(strangers.getFirst());
            }
        } else {
            assertThat(decision).isInstanceOf(Decision.Accepted.class);
        }
        // The same recipients given the other way round decide the same way.
        assertThat(table.decide(table.initial(), new TableCommand.PostChat("psst", ChatKind.OUT_OF_CHARACTER,
                new Audience.Whisper(new LinkedHashSet<>(recipients.reversed())), Optional.empty()), context))
                .isEqualTo(decision);
        Statistics.label("outcome").collect(to.isEmpty() ? "nobody" : to.contains(caller.userId()) ? "self"
                : strangers.size() > 1 ? "strangers" : strangers.size() == 1 ? "a stranger" : "accepted");
    }

    @Provide
    Arbitrary<List<String>> whisperLists() {
        return Arbitraries.of(IDS).list().uniqueElements().ofMaxSize(IDS.size());
    }

    // --- (b) Redaction ----------------------------------------------------------------------

    @Property
    void a_whisper_is_visible_to_its_participants_whatever_their_role_and_to_nobody_else(
            @ForAll("members") List<Caller> members, @ForAll @Size(max = 60) List<@From("steps") Step> steps) {
        Run run = run(members, steps);
        Set<String> memberIds = new HashSet<>(members.stream().map(Caller::userId).toList());
        int whispers = 0;
        for (TableEvent event : run.log()) {
            if (!(event instanceof TableEvent.ChatPosted posted)
                    || !(posted.to() instanceof Audience.Whisper whisper)) {
                continue;
            }
            whispers++;
            Set<String> participants = new HashSet<>(whisper.userIds());
            participants.add(posted.userId());
            assertThat(memberIds).as("only members take part in a whisper").containsAll(participants);
            assertThat(whisper.userIds()).as("the sender is not a recipient").doesNotContain(posted.userId());
            Visibility visibility = table.visibility(posted);
            for (String userId : IDS) {
                for (Role role : Role.values()) {
                    assertThat(visibility.allows(userId, role))
                            .as("%s as %s sees a whisper from %s to %s", userId, role, posted.userId(),
                                    whisper.userIds())
                            .isEqualTo(participants.contains(userId));
                }
            }
        }
        Statistics.label("runs with a whisper").collect(whispers > 0);
        Statistics.label("runs with a whisper").coverage(coverage -> coverage.check(true).percentage(p -> p >= 30));
    }

    @Property
    void a_whisper_to_the_gms_is_visible_to_the_gms_and_its_sender_and_to_nobody_else(
            @ForAll("members") List<Caller> members, @ForAll @Size(max = 60) List<@From("steps") Step> steps) {
        Run run = run(members, steps);
        int whispers = 0;
        for (TableEvent event : run.log()) {
            if (event instanceof TableEvent.ChatPosted posted && posted.to() instanceof Audience.Gms) {
                whispers++;
                assertThat(posted.kind()).isNotEqualTo(ChatKind.ANNOUNCEMENT);
                Visibility visibility = table.visibility(posted);
                for (String userId : IDS) {
                    for (Role role : Role.values()) {
                        assertThat(visibility.allows(userId, role))
                                .as("%s as %s sees a whisper to the GMs from %s", userId, role, posted.userId())
                                .isEqualTo(role == Role.GM || userId.equals(posted.userId()));
                    }
                }
            }
        }
        Statistics.label("runs with a whisper to the GMs").collect(whispers > 0);
        Statistics.label("runs with a whisper to the GMs")
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= 30));
    }

    @Property
    void only_lines_to_the_table_and_seating_are_visible_to_everyone(
            @ForAll("members") List<Caller> members, @ForAll @Size(max = 60) List<@From("steps") Step> steps) {
        for (TableEvent event : run(members, steps).log()) {
            boolean everyone = !(event instanceof TableEvent.ChatPosted posted)
                    || posted.to() instanceof Audience.Table;
            assertThat(table.visibility(event).equals(Visibility.EVERYONE)).as("%s", event).isEqualTo(everyone);
        }
    }

    // --- (c) Recent chat --------------------------------------------------------------------

    @Property(tries = 300)
    void recent_chat_never_exceeds_100_lines_and_its_seqs_strictly_increase(
            @ForAll("members") List<Caller> members,
            @ForAll @Size(min = 250, max = 400) List<@From("steps") Step> steps) {
        Run run = run(members, steps);
        for (TableState state : run.states()) {
            List<ChatLine> chat = state.recentChat();
            assertThat(chat.size()).isLessThanOrEqualTo(TableState.RECENT_CHAT);
            boolean increasing = IntStream.range(1, chat.size())
                    .allMatch(i -> chat.get(i).seq() > chat.get(i - 1).seq());
            assertThat(increasing).as("seqs strictly increase: %s", chat.stream().map(ChatLine::seq).toList()).isTrue();
        }
        // And it is exactly the last 100 chat lines of the log, with their seqs, oldest first.
        List<ChatLine> model = IntStream.range(0, run.log().size())
                .filter(i -> run.log().get(i) instanceof TableEvent.ChatPosted)
                .mapToObj(i -> new ChatLine(run.seqs().get(i), (TableEvent.ChatPosted) run.log().get(i)))
                .toList();
        List<ChatLine> expected = model.subList(Math.max(0, model.size() - TableState.RECENT_CHAT), model.size());
        assertThat(last(run, table.initial()).recentChat()).isEqualTo(expected);

        Statistics.label("chat lines past the limit").collect(model.size() > TableState.RECENT_CHAT);
        Statistics.label("chat lines past the limit")
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= 30));
    }

    @Property
    void applying_chat_lines_with_gaps_in_their_seqs_keeps_the_last_100_in_order(
            @ForAll @Size(max = 300) List<@IntRange(min = 1, max = 5) Integer> gaps) {
        TableState state = table.initial();
        List<ChatLine> all = new ArrayList<>();
        long seq = 0;
        for (int i = 0; i < gaps.size(); i++) {
            seq += gaps.get(i);
            var posted = new TableEvent.ChatPosted("u-0", "Member 0", ChatKind.OUT_OF_CHARACTER, "line " + i,
                    Audience.TABLE, Optional.empty());
            all.add(new ChatLine(seq, posted));
            state = table.apply(state, posted, seq);
        }
        assertThat(state.recentChat()).isEqualTo(all.subList(Math.max(0, all.size() - TableState.RECENT_CHAT),
                all.size()));
    }
}
