package dev.hearth.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Permission;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The table's chat rules, seating and visibility, one rule at a time. */
class TableTest {

    final Table table = new Table();

    static final Caller GM = new Caller("u-gm", "Gemma", Role.GM);
    static final Caller CO_GM = new Caller("u-cogm", "Colin", Role.GM);
    static final Caller PIA = new Caller("u-pia", "Pia", Role.PLAYER);
    static final Caller PAUL = new Caller("u-paul", "Paul", Role.PLAYER);
    static final Caller SAM = new Caller("u-sam", "Sam", Role.SPECTATOR);
    static final List<Caller> EVERYONE = List.of(GM, CO_GM, PIA, PAUL, SAM);
    static final Roster ROSTER = roster(EVERYONE);
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    static Roster roster(List<Caller> members) {
        Map<String, Caller> byId = new LinkedHashMap<>();
        members.forEach(m -> byId.put(m.userId(), m));
        return new Roster(byId);
    }

    static CommandContext as(Caller caller) {
        return new CommandContext(caller, ROSTER, NOW, new java.util.SplittableRandom(8));
    }

    static TableCommand.PostChat say(String text) {
        return new TableCommand.PostChat(text, ChatKind.OUT_OF_CHARACTER, Audience.TABLE, Optional.empty());
    }

    static TableCommand.PostChat chat(String text, ChatKind kind, Audience to, String as) {
        return new TableCommand.PostChat(text, kind, to, Optional.ofNullable(as));
    }

    static Audience whisperTo(String... userIds) {
        return new Audience.Whisper(Set.of(userIds));
    }

    Decision<TableEvent> decide(Caller caller, TableCommand command) {
        return table.decide(table.initial(), command, as(caller));
    }

    static Rejection rejected(Decision<TableEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<TableEvent>) decision).rejection();
    }

    static List<TableEvent> accepted(Decision<TableEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<TableEvent>) decision).events();
    }

    static void assertInvalid(Decision<TableEvent> decision, String field) {
        Rejection r = rejected(decision);
        assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
        assertThat(r.details()).containsEntry("field", field);
        assertThat(r.message()).isNotBlank();
    }

    // --- Text ---------------------------------------------------------------------------------

    @Test
    void an_ooc_line_to_the_table_is_accepted_as_one_event_by_the_caller_under_their_display_name() {
        assertThat(accepted(decide(PIA, say("hello, table")))).containsExactly(new TableEvent.ChatPosted(
                "u-pia", "Pia", ChatKind.OUT_OF_CHARACTER, "hello, table", Audience.TABLE, Optional.empty()));
    }

    @Test
    void the_event_carries_the_callers_id_and_name_never_anything_else() {
        Caller renamed = new Caller("u-pia", "Pia the Bold", Role.PLAYER);
        var posted = (TableEvent.ChatPosted) accepted(decide(renamed,
                chat("I draw my sword", ChatKind.IN_CHARACTER, whisperTo("u-paul"), "Aria"))).getFirst();
        assertThat(posted.userId()).isEqualTo("u-pia");
        assertThat(posted.displayName()).isEqualTo("Pia the Bold");
        assertThat(posted.kind()).isEqualTo(ChatKind.IN_CHARACTER);
        assertThat(posted.text()).isEqualTo("I draw my sword");
        assertThat(posted.to()).isEqualTo(whisperTo("u-paul"));
        assertThat(posted.as()).contains("Aria");
    }

    @Test
    void blank_text_is_refused_naming_the_text_field() {
        for (String blank : List.of("", " ", "   ", "\n", "\t \n", "\u2003")) {
            assertInvalid(decide(PIA, say(blank)), "text");
        }
    }

    @Test
    void text_is_at_most_2000_code_points_counting_a_surrogate_pair_as_one() {
        assertThat(accepted(decide(PIA, say("x".repeat(ChatRules.MAX_TEXT))))).hasSize(1);
        assertInvalid(decide(PIA, say("x".repeat(ChatRules.MAX_TEXT + 1))), "text");
        // 2000 emoji are 4000 chars but 2000 code points.
        String emoji = "\uD83D\uDE00";
        assertThat(accepted(decide(PIA, say(emoji.repeat(ChatRules.MAX_TEXT))))).hasSize(1);
        assertInvalid(decide(PIA, say(emoji.repeat(ChatRules.MAX_TEXT) + "x")), "text");
        assertThat(rejected(decide(PIA, say("x".repeat(2001)))).message()).contains("2000");
    }

    @Test
    void control_characters_are_refused_in_text_but_newline_and_tab_are_allowed() {
        assertThat(accepted(decide(PIA, say("line one\nline two\tindented")))).hasSize(1);
        for (String control : List.of("\u0000", "\u0007", "\r", "\u001B", "\u007F", "\u0085", "\u009F",
                "\u2028", "\u2029")) {
            assertInvalid(decide(PIA, say("a" + control + "b")), "text");
        }
    }

    // --- Speaking as ------------------------------------------------------------------------

    @Test
    void in_character_lines_and_emotes_may_speak_as_a_name() {
        for (ChatKind kind : List.of(ChatKind.IN_CHARACTER, ChatKind.EMOTE)) {
            var posted = (TableEvent.ChatPosted) accepted(decide(PIA, chat("hm", kind, Audience.TABLE, "Aria")))
                    .getFirst();
            assertThat(posted.as()).contains("Aria");
            assertThat(posted.kind()).isEqualTo(kind);
        }
    }

    @Test
    void ooc_lines_and_announcements_may_not_speak_as_anyone() {
        assertInvalid(decide(PIA, chat("hm", ChatKind.OUT_OF_CHARACTER, Audience.TABLE, "Aria")), "as");
        assertInvalid(decide(GM, chat("hm", ChatKind.ANNOUNCEMENT, Audience.TABLE, "The Narrator")), "as");
    }

    @Test
    void a_speakers_name_is_1_to_64_characters() {
        assertInvalid(decide(PIA, chat("hm", ChatKind.IN_CHARACTER, Audience.TABLE, "")), "as");
        assertInvalid(decide(PIA, chat("hm", ChatKind.IN_CHARACTER, Audience.TABLE, "   ")), "as");
        assertThat(accepted(decide(PIA, chat("hm", ChatKind.IN_CHARACTER, Audience.TABLE, "n".repeat(64)))))
                .hasSize(1);
        assertInvalid(decide(PIA, chat("hm", ChatKind.EMOTE, Audience.TABLE, "n".repeat(65))), "as");
    }

    @Test
    void a_speakers_name_counts_code_points_like_the_text_does() {
        String emoji = "\uD83D\uDC09"; // a dragon: one code point, two chars
        assertThat(accepted(decide(PIA, chat("roar", ChatKind.IN_CHARACTER, Audience.TABLE, emoji.repeat(64)))))
                .hasSize(1);
        assertInvalid(decide(PIA, chat("roar", ChatKind.IN_CHARACTER, Audience.TABLE, emoji.repeat(65))), "as");
    }

    @Test
    void a_speakers_name_has_no_control_characters_not_even_newline_or_tab() {
        for (String control : List.of("\n", "\t", "\r", "\u0000", "\u2028")) {
            assertInvalid(decide(PIA, chat("hm", ChatKind.IN_CHARACTER, Audience.TABLE, "Ar" + control + "ia")),
                    "as");
        }
    }

    // --- Whispers ---------------------------------------------------------------------------

    @Test
    void a_whisper_to_members_is_accepted() {
        assertThat(accepted(decide(PIA, chat("psst", ChatKind.OUT_OF_CHARACTER, whisperTo("u-paul", "u-sam"),
                null)))).hasSize(1);
    }

    @Test
    void a_whisper_to_nobody_is_refused() {
        assertInvalid(decide(PIA, chat("psst", ChatKind.OUT_OF_CHARACTER, new Audience.Whisper(Set.of()), null)),
                "to");
    }

    @Test
    void a_whisper_to_oneself_is_refused_even_among_others() {
        assertInvalid(decide(PIA, chat("psst", ChatKind.OUT_OF_CHARACTER, whisperTo("u-pia"), null)), "to");
        assertInvalid(decide(PIA, chat("psst", ChatKind.OUT_OF_CHARACTER, whisperTo("u-pia", "u-paul"), null)),
                "to");
    }

    @Test
    void a_whisper_goes_to_at_most_20_members() {
        List<Caller> many = new ArrayList<>(List.of(PIA));
        IntStream.rangeClosed(1, 21).forEach(i -> many.add(new Caller("u-" + i, "Member " + i, Role.PLAYER)));
        Roster big = roster(many);
        Set<String> twenty = new HashSet<>();
        IntStream.rangeClosed(1, 20).forEach(i -> twenty.add("u-" + i));
        Set<String> twentyOne = new HashSet<>(twenty);
        twentyOne.add("u-21");

        var ok = table.decide(table.initial(), chat("all", ChatKind.OUT_OF_CHARACTER,
                new Audience.Whisper(twenty), null), new CommandContext(PIA, big, NOW, new java.util.SplittableRandom(8)));
        assertThat(accepted(ok)).hasSize(1);
        var tooMany = table.decide(table.initial(), chat("all", ChatKind.OUT_OF_CHARACTER,
                new Audience.Whisper(twentyOne), null), new CommandContext(PIA, big, NOW, new java.util.SplittableRandom(8)));
        assertInvalid(tooMany, "to");
        assertThat(rejected(tooMany).message()).contains("20");
    }

    @Test
    void a_whisper_to_a_non_member_is_refused_naming_them() {
        Rejection r = rejected(decide(PIA, chat("psst", ChatKind.OUT_OF_CHARACTER,
                whisperTo("u-paul", "u-stranger"), null)));
        assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
        assertThat(r.details()).containsEntry("field", "to").containsEntry("userId", "u-stranger");
        assertThat(r.message()).contains("u-stranger");
    }

    @Test
    void which_recipient_a_refused_whisper_names_does_not_depend_on_hash_order() {
        // Sets iterate in an order that changes from one JVM to the next; the answer must not. Many
        // different ids make sure some of them iterate out of order in any one JVM.
        for (int i = 0; i < 50; i++) {
            Caller me = new Caller("u-me" + i, "Me", Role.PLAYER);
            List<Caller> members = new ArrayList<>(EVERYONE);
            members.add(me);
            CommandContext context = new CommandContext(me, roster(members), NOW, new java.util.SplittableRandom(8));
            String a = "u-a" + i;
            String b = "u-b" + i;
            String c = "u-c" + i;
            Rejection strangers = rejected(table.decide(table.initial(),
                    chat("psst", ChatKind.OUT_OF_CHARACTER, whisperTo(c, "u-paul", b, a), null), context));
            assertThat(strangers.details()).as("strangers %s, %s and %s", a, b, c).containsEntry("userId", a);
            // Whispering to oneself is the mistake named, whatever else is wrong with the recipients.
            Rejection self = rejected(table.decide(table.initial(),
                    chat("psst", ChatKind.OUT_OF_CHARACTER, whisperTo(c, b, me.userId(), a), null), context));
            assertThat(self.details()).as("self with %s, %s and %s", a, b, c).doesNotContainKey("userId");
            assertThat(self.message()).contains("someone else");
        }
    }

    @Test
    void a_whisper_to_the_gms_is_accepted_from_anyone() {
        for (Caller caller : EVERYONE) {
            assertThat(accepted(decide(caller, chat("a secret", ChatKind.OUT_OF_CHARACTER, Audience.GMS, null))))
                    .hasSize(1);
        }
        assertThat(accepted(decide(PIA, chat("I sneak", ChatKind.EMOTE, Audience.GMS, "Aria")))).hasSize(1);
    }

    // --- Announcements ----------------------------------------------------------------------

    @Test
    void only_a_gm_announces_others_are_not_permitted() {
        assertThat(accepted(decide(GM, chat("Session starts!", ChatKind.ANNOUNCEMENT, Audience.TABLE, null))))
                .containsExactly(new TableEvent.ChatPosted("u-gm", "Gemma", ChatKind.ANNOUNCEMENT, "Session starts!",
                        Audience.TABLE, Optional.empty()));
        for (Caller caller : List.of(PIA, SAM)) {
            Rejection r = rejected(decide(caller, chat("Hear ye", ChatKind.ANNOUNCEMENT, Audience.TABLE, null)));
            assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_PERMITTED);
            assertThat(r.message()).isNotBlank();
        }
    }

    @Test
    void a_non_gm_announcement_is_not_permitted_before_its_input_is_checked() {
        assertThat(rejected(decide(PIA, chat("", ChatKind.ANNOUNCEMENT, whisperTo("u-nobody"), "x"))).kind())
                .isEqualTo(Rejection.Kind.NOT_PERMITTED);
    }

    @Test
    void an_announcement_is_never_a_whisper_to_members_or_to_the_gms() {
        assertInvalid(decide(GM, chat("psst", ChatKind.ANNOUNCEMENT, whisperTo("u-pia"), null)), "to");
        assertInvalid(decide(GM, chat("psst", ChatKind.ANNOUNCEMENT, Audience.GMS, null)), "to");
    }

    @Test
    void announcements_need_the_announce_permission_and_other_lines_chat() {
        assertThat(chat("x", ChatKind.ANNOUNCEMENT, Audience.TABLE, null).permission())
                .isEqualTo(Permission.ANNOUNCE);
        for (ChatKind kind : List.of(ChatKind.IN_CHARACTER, ChatKind.OUT_OF_CHARACTER, ChatKind.EMOTE)) {
            assertThat(chat("x", kind, Audience.TABLE, null).permission()).isEqualTo(Permission.CHAT);
        }
        assertThat(new TableCommand.Arrive().permission()).isEqualTo(Permission.VIEW_CANVAS);
        assertThat(new TableCommand.Leave().permission()).isEqualTo(Permission.VIEW_CANVAS);
    }

    @Test
    void chat_kinds_have_stable_wire_ids() {
        assertThat(ChatKind.byId("ic")).contains(ChatKind.IN_CHARACTER);
        assertThat(ChatKind.byId("ooc")).contains(ChatKind.OUT_OF_CHARACTER);
        assertThat(ChatKind.byId("emote")).contains(ChatKind.EMOTE);
        assertThat(ChatKind.byId("announcement")).contains(ChatKind.ANNOUNCEMENT);
        assertThat(ChatKind.byId("IC")).isEmpty();
        assertThat(ChatKind.byId("whisper")).isEmpty();
        for (ChatKind kind : ChatKind.values()) {
            assertThat(ChatKind.byId(kind.id())).contains(kind);
        }
    }

    // --- Seating ----------------------------------------------------------------------------

    @Test
    void arriving_seats_the_caller_with_their_name_and_role() {
        List<TableEvent> events = accepted(decide(PIA, new TableCommand.Arrive()));
        assertThat(events).containsExactly(new TableEvent.MemberArrived("u-pia", "Pia", Role.PLAYER));
        TableState state = table.apply(table.initial(), events.getFirst(), 1);
        assertThat(state.seated()).containsExactly(Map.entry("u-pia", PIA));
        assertThat(state.recentChat()).isEmpty();
    }

    @Test
    void arriving_twice_records_one_event() {
        TableState state = table.initial();
        List<TableEvent> recorded = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (TableEvent e : accepted(table.decide(state, new TableCommand.Arrive(), as(PIA)))) {
                recorded.add(e);
                state = table.apply(state, e, recorded.size());
            }
        }
        assertThat(recorded).containsExactly(new TableEvent.MemberArrived("u-pia", "Pia", Role.PLAYER));
        assertThat(state.seated()).containsOnlyKeys("u-pia");
    }

    @Test
    void leaving_when_not_seated_records_nothing_and_leaving_when_seated_unseats() {
        assertThat(accepted(decide(PIA, new TableCommand.Leave()))).isEmpty();

        TableState seated = table.apply(table.initial(), new TableEvent.MemberArrived("u-pia", "Pia", Role.PLAYER), 1);
        List<TableEvent> left = accepted(table.decide(seated, new TableCommand.Leave(), as(PIA)));
        assertThat(left).containsExactly(new TableEvent.MemberLeft("u-pia", "Pia"));
        TableState after = table.apply(seated, left.getFirst(), 2);
        assertThat(after.seated()).isEmpty();
        assertThat(accepted(table.decide(after, new TableCommand.Leave(), as(PIA)))).isEmpty();
        // Another member leaving does not unseat Pia.
        assertThat(accepted(table.decide(seated, new TableCommand.Leave(), as(PAUL)))).isEmpty();
    }

    @Test
    void the_seated_are_kept_in_arrival_order_and_leaving_removes_only_the_one_who_left() {
        TableState state = table.initial();
        long seq = 0;
        for (Caller c : List.of(SAM, GM, PIA, PAUL)) {
            state = table.apply(state, new TableEvent.MemberArrived(c.userId(), c.displayName(), c.role()), ++seq);
        }
        state = table.apply(state, new TableEvent.MemberLeft("u-gm", "Gemma"), ++seq);
        assertThat(List.copyOf(state.seated().keySet())).containsExactly("u-sam", "u-pia", "u-paul");
        assertThat(state.seated().get("u-paul")).isEqualTo(PAUL);
        state = table.apply(state, new TableEvent.MemberArrived("u-gm", "Gemma", Role.GM), ++seq);
        assertThat(List.copyOf(state.seated().keySet())).containsExactly("u-sam", "u-pia", "u-paul", "u-gm");
    }

    @Test
    void seating_and_chat_do_not_disturb_each_other() {
        TableState state = table.apply(table.initial(), new TableEvent.MemberArrived("u-pia", "Pia", Role.PLAYER), 1);
        var line = new TableEvent.ChatPosted("u-pia", "Pia", ChatKind.OUT_OF_CHARACTER, "hi", Audience.TABLE,
                Optional.empty());
        state = table.apply(state, line, 2);
        state = table.apply(state, new TableEvent.MemberLeft("u-pia", "Pia"), 3);
        assertThat(state.seated()).isEmpty();
        assertThat(state.recentChat()).containsExactly(new ChatLine(2, line));
    }

    @Test
    void table_state_is_immutable_and_the_initial_state_is_empty() {
        assertThat(table.initial()).isEqualTo(TableState.EMPTY);
        assertThat(TableState.EMPTY.seated()).isEmpty();
        assertThat(TableState.EMPTY.recentChat()).isEmpty();
        TableState seated = TableState.EMPTY.seat(PIA);
        assertThat(TableState.EMPTY.seated()).isEmpty();
        assertThat(seated.seated()).containsOnlyKeys("u-pia");
        assertThat(seated.unseat("u-pia").seated()).isEmpty();
        assertThat(seated.seated()).containsOnlyKeys("u-pia");
        assertThat(seated.seated()).isUnmodifiable();
        Map<String, Caller> source = new LinkedHashMap<>(Map.of("u-pia", PIA));
        TableState copy = new TableState(source, List.of());
        source.put("u-sam", SAM);
        assertThat(copy.seated()).containsOnlyKeys("u-pia");
    }

    // --- Recent chat ------------------------------------------------------------------------

    @Test
    void apply_keeps_only_the_last_100_chat_lines_with_their_seqs_oldest_first() {
        TableState state = table.initial();
        // Seqs have gaps (other events in between), as in a real log.
        for (int i = 1; i <= 250; i++) {
            state = table.apply(state, line(i), i * 3L);
        }
        assertThat(state.recentChat()).hasSize(TableState.RECENT_CHAT);
        assertThat(state.recentChat().getFirst()).isEqualTo(new ChatLine(151 * 3L, line(151)));
        assertThat(state.recentChat().getLast()).isEqualTo(new ChatLine(250 * 3L, line(250)));
        for (int k = 0; k < TableState.RECENT_CHAT; k++) {
            int i = 151 + k;
            assertThat(state.recentChat().get(k)).isEqualTo(new ChatLine(i * 3L, line(i)));
        }
    }

    @Test
    void below_100_lines_every_line_is_kept() {
        TableState state = table.initial();
        for (int i = 1; i <= 99; i++) {
            state = table.apply(state, line(i), i);
        }
        assertThat(state.recentChat()).hasSize(99);
        state = table.apply(state, line(100), 100);
        assertThat(state.recentChat()).hasSize(100);
        assertThat(state.recentChat().getFirst().seq()).isEqualTo(1);
        state = table.apply(state, line(101), 101);
        assertThat(state.recentChat()).hasSize(100);
        assertThat(state.recentChat().getFirst().seq()).isEqualTo(2);
        assertThat(state.recentChat().getLast()).isEqualTo(new ChatLine(101, line(101)));
    }

    @Test
    void seating_events_do_not_count_as_chat_lines() {
        TableState state = table.apply(table.initial(), line(1), 1);
        for (int i = 2; i <= 300; i++) {
            state = table.apply(state, i % 2 == 0
                    ? new TableEvent.MemberArrived("u-pia", "Pia", Role.PLAYER)
                    : new TableEvent.MemberLeft("u-pia", "Pia"), i);
        }
        assertThat(state.recentChat()).containsExactly(new ChatLine(1, line(1)));
    }

    @Test
    void whispers_are_kept_in_recent_chat_like_any_other_line() {
        var whisper = new TableEvent.ChatPosted("u-pia", "Pia", ChatKind.OUT_OF_CHARACTER, "psst",
                whisperTo("u-paul"), Optional.empty());
        assertThat(table.apply(table.initial(), whisper, 7).recentChat()).containsExactly(new ChatLine(7, whisper));
    }

    static TableEvent.ChatPosted line(int i) {
        return new TableEvent.ChatPosted("u-pia", "Pia", ChatKind.OUT_OF_CHARACTER, "line " + i, Audience.TABLE,
                Optional.empty());
    }

    // --- Visibility -------------------------------------------------------------------------

    static TableEvent.ChatPosted posted(Caller by, Audience to) {
        return new TableEvent.ChatPosted(by.userId(), by.displayName(), ChatKind.OUT_OF_CHARACTER, "x", to,
                Optional.empty());
    }

    @Test
    void a_line_to_the_table_is_visible_to_everyone_spectators_included() {
        Visibility v = table.visibility(posted(PIA, Audience.TABLE));
        assertThat(v).isEqualTo(Visibility.EVERYONE);
        for (Caller c : EVERYONE) {
            assertThat(v.allows(c.userId(), c.role())).as(c.displayName()).isTrue();
        }
        assertThat(v.allows("u-stranger", Role.SPECTATOR)).isTrue();
    }

    @Test
    void an_announcement_is_visible_to_everyone() {
        var announcement = new TableEvent.ChatPosted("u-gm", "Gemma", ChatKind.ANNOUNCEMENT, "Break!", Audience.TABLE,
                Optional.empty());
        assertThat(table.visibility(announcement)).isEqualTo(Visibility.EVERYONE);
    }

    @Test
    void a_whisper_is_visible_to_its_recipients_and_sender_only_not_to_gms() {
        Visibility v = table.visibility(posted(PIA, whisperTo("u-paul")));
        assertThat(v).isEqualTo(new Visibility.Users(Set.of("u-pia", "u-paul")));
        assertThat(v.allows("u-pia", Role.PLAYER)).isTrue();
        assertThat(v.allows("u-paul", Role.PLAYER)).isTrue();
        assertThat(v.allows("u-gm", Role.GM)).isFalse();
        assertThat(v.allows("u-cogm", Role.GM)).isFalse();
        assertThat(v.allows("u-sam", Role.SPECTATOR)).isFalse();
        for (Role role : Role.values()) {
            assertThat(v.allows("u-paul", role)).isTrue();
            assertThat(v.allows("u-sam", role)).isFalse();
        }
    }

    @Test
    void a_gms_whisper_to_a_player_is_not_seen_by_the_other_gms() {
        Visibility v = table.visibility(posted(GM, whisperTo("u-pia")));
        assertThat(v.allows("u-gm", Role.GM)).isTrue();
        assertThat(v.allows("u-pia", Role.PLAYER)).isTrue();
        assertThat(v.allows("u-cogm", Role.GM)).isFalse();
        assertThat(v.allows("u-paul", Role.PLAYER)).isFalse();
    }

    @Test
    void a_whisper_to_the_gms_is_visible_to_every_gm_and_the_sender_only() {
        Visibility v = table.visibility(posted(PIA, Audience.GMS));
        assertThat(v).isEqualTo(new Visibility.GmsAnd(Set.of("u-pia")));
        assertThat(v.allows("u-pia", Role.PLAYER)).isTrue();
        assertThat(v.allows("u-gm", Role.GM)).isTrue();
        assertThat(v.allows("u-cogm", Role.GM)).isTrue();
        assertThat(v.allows("u-paul", Role.PLAYER)).isFalse();
        assertThat(v.allows("u-sam", Role.SPECTATOR)).isFalse();
        // A GM is whoever is GM when the event is delivered: a member promoted later sees it.
        assertThat(v.allows("u-paul", Role.GM)).isTrue();
    }

    @Test
    void arrivals_and_departures_are_visible_to_everyone() {
        assertThat(table.visibility(new TableEvent.MemberArrived("u-pia", "Pia", Role.PLAYER)))
                .isEqualTo(Visibility.EVERYONE);
        assertThat(table.visibility(new TableEvent.MemberLeft("u-pia", "Pia"))).isEqualTo(Visibility.EVERYONE);
    }

    @Test
    void deciding_changes_nothing_and_reads_only_its_inputs() {
        TableState state = table.apply(table.initial(), new TableEvent.MemberArrived("u-pia", "Pia", Role.PLAYER), 1);
        TableState before = state;
        var first = table.decide(state, say("hi"), as(PIA));
        var second = table.decide(state, say("hi"), as(PIA));
        assertThat(first).isEqualTo(second);
        assertThat(state).isEqualTo(before);
        assertThat(table.decide(state, new TableCommand.Leave(), as(PIA))).isEqualTo(
                table.decide(state, new TableCommand.Leave(), new CommandContext(PIA, Roster.EMPTY, Instant.EPOCH, new java.util.SplittableRandom(8))));
    }
}
