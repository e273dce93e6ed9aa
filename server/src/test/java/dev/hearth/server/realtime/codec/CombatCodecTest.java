package dev.hearth.server.realtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.access.Role;
import dev.hearth.core.combat.CombatCommand;
import dev.hearth.core.combat.CombatEvent;
import dev.hearth.core.combat.Encounter;
import dev.hearth.core.dice.DiceLimits;
import dev.hearth.core.dice.DiceRoller;
import dev.hearth.core.dice.RollOutcome;
import dev.hearth.core.dice.RollResult;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Visibility;
import dev.hearth.core.table.Audience;
import dev.hearth.core.table.ChatKind;
import dev.hearth.core.table.ChatLine;
import dev.hearth.core.table.ChatRoll;
import dev.hearth.core.table.DiceMode;
import dev.hearth.core.table.TableCommand;
import dev.hearth.core.table.TableEvent;
import dev.hearth.core.table.TableState;
import dev.hearth.server.realtime.stream.CommandFormatException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every table event and command through the codec and back, equal; the wire names; refusals naming the field. */
class CombatCodecTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final CombatCodec combat = new CombatCodec(GameJson.mapper());
    final TableCodec codec = new TableCodec(JSON, combat, new MapCodec(GameJson.mapper()));

    @Test
    void the_samples_cover_every_combat_command_and_event_so_a_new_record_needs_a_sample() {
        assertThat(CombatSamples.commands().stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrderElementsOf(GameJson.records(CombatCommand.class));
        Set<Class<?>> events = new HashSet<>();
        CombatSamples.events().forEach(e -> events.add(e.getClass()));
        assertThat(events).containsExactlyInAnyOrderElementsOf(GameJson.records(CombatEvent.class));
    }

    @Test
    void every_combat_command_decodes_from_its_components_to_an_equal_record() {
        for (CombatCommand command : CombatSamples.commands()) {
            String type = combat.commandType(command);
            ObjectNode payload = combat.payload(command);
            assertThat(codec.commandTypes()).contains(type);
            // Through text, as a client sends it.
            JsonNode sent = read(payload.toString());
            assertThat(codec.decodeCommand(type, sent)).as(type + " " + payload).isEqualTo(new TableCommand.Combat(command));
        }
    }

    @Test
    void every_combat_event_reads_back_from_the_log_equal_with_its_visibility() {
        List<Visibility> visibilities = List.of(Visibility.EVERYONE, new Visibility.GmsAnd(Set.of()),
                new Visibility.GmsAnd(Set.of("u-pia")), new Visibility.Users(Set.of("u-a", "u-b")));
        int i = 0;
        for (CombatEvent event : CombatSamples.events()) {
            TableEvent wrapped = new TableEvent.CombatHappened("u-gm", event, visibilities.get(i++ % visibilities.size()));
            String type = codec.eventType(wrapped);
            JsonNode logged = read(codec.logPayload(wrapped).toString());
            assertThat(codec.decodeEvent(type, logged)).as(type + " " + logged).isEqualTo(wrapped);
            // The wire payload is the components (and the author), never the visibility.
            assertThat(codec.eventPayload(wrapped).has("visibility")).isFalse();
            assertThat(codec.eventPayload(wrapped).path("userId").asText()).isEqualTo("u-gm");
        }
    }

    @Test
    void wire_names_are_combat_dot_snake_case_enums_lower_case_and_sealed_parts_carry_a_kind() {
        assertThat(combat.commandTypes()).contains("combat.start_encounter", "combat.add_combatant",
                "combat.roll_initiative", "combat.next_turn", "combat.damage", "combat.gm_override", "combat.undo",
                "combat.re_enter", "combat.reveal_hp");
        assertThat(combat.eventTypes()).contains("combat.turn_started", "combat.damaged", "combat.on_deck",
                "combat.hp_revealed", "combat.undone");
        ObjectNode apply = combat.payload(CombatSamples.commands().stream()
                .filter(c -> c instanceof CombatCommand.ApplyCondition).findFirst().orElseThrow());
        assertThat(apply.toString()).isEqualTo("{\"creatureId\":\"c1\",\"condition\":\"poisoned\","
                + "\"duration\":{\"kind\":\"until_save\",\"dc\":13,\"ability\":\"constitution\"},\"appliedBy\":\"c2\"}");
        ObjectNode added = combat.payload(CombatSamples.commands().get(2));
        assertThat(added.path("kind").asText()).isEqualTo("monster_group");
        assertThat(added.path("defenses").path("poison").asText()).isEqualTo("immune");
        assertThat(added.has("ownerUserId")).as("an empty Optional is left out").isFalse();
        assertThat(combat.payload(new CombatCommand.ResolveConcentration("c1",
                new dev.hearth.core.combat.SaveInput.Entered(12))).toString())
                .isEqualTo("{\"creatureId\":\"c1\",\"save\":{\"kind\":\"entered\",\"total\":12}}");
        assertThat(combat.payload(new dev.hearth.core.combat.Duration.UntilEndOfNextTurn()).toString())
                .isEqualTo("{\"kind\":\"until_end_of_next_turn\"}");
    }

    @Test
    void optional_fields_may_be_left_out_of_a_command() {
        assertThat(codec.decodeCommand("combat.roll_initiative", read("{\"mode\":\"normal\"}")))
                .isEqualTo(new TableCommand.Combat(new CombatCommand.RollInitiative(Optional.empty(),
                        dev.hearth.core.combat.RollMode.NORMAL)));
        assertThat(codec.decodeCommand("combat.next_turn", read("{}")))
                .isEqualTo(new TableCommand.Combat(new CombatCommand.NextTurn()));
    }

    @Test
    void a_field_that_does_not_fit_is_refused_naming_it() {
        assertThatThrownBy(() -> codec.decodeCommand("combat.damage",
                read("{\"creatureId\":\"c1\",\"amount\":5,\"type\":\"fiery\",\"critical\":false}")))
                .isInstanceOfSatisfying(CommandFormatException.class, e -> {
                    assertThat(e.field()).isEqualTo("type");
                    assertThat(e.getMessage()).contains("fire");
                });
        assertThatThrownBy(() -> codec.decodeCommand("combat.damage",
                read("{\"creatureId\":\"c1\",\"amount\":\"5\",\"type\":\"fire\"}")))
                .isInstanceOfSatisfying(CommandFormatException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> codec.decodeCommand("combat.remove_combatant", read("{}")))
                .isInstanceOfSatisfying(CommandFormatException.class,
                        e -> assertThat(e.field()).isEqualTo("combatantId"));
        assertThatThrownBy(() -> codec.decodeCommand("combat.apply_condition", read("{\"creatureId\":\"c1\","
                + "\"condition\":\"prone\",\"duration\":{\"kind\":\"forever\"}}")))
                .isInstanceOfSatisfying(CommandFormatException.class,
                        e -> assertThat(e.field()).isEqualTo("duration.kind"));
        assertThatThrownBy(() -> codec.decodeCommand("dice.roll", read("{\"expression\":\"1d20\",\"mode\":\"loud\"}")))
                .isInstanceOfSatisfying(CommandFormatException.class, e -> assertThat(e.field()).isEqualTo("mode"));
    }

    @Test
    void dice_events_and_chat_with_inline_rolls_read_back_equal_and_carry_text_and_label_on_the_wire() {
        RollResult result = ((RollOutcome.Rolled) new DiceRoller(new SplittableRandom(4), DiceLimits.DEFAULT)
                .roll("4d6dl1! # strength")).result();
        var rolled = new TableEvent.DiceRolled("u-pia", "Pia", DiceMode.GM, "4d6dl1! # strength", result);
        JsonNode wire = codec.eventPayload(rolled);
        assertThat(wire.path("label").asText()).isEqualTo("strength");
        assertThat(wire.path("text").asText()).isEqualTo(result.text());
        assertThat(wire.path("mode").asText()).isEqualTo("gm");
        assertThat(wire.path("result").path("rolls").get(0).path("terms").get(0).path("kind").asText()).isEqualTo("dice");
        assertThat(codec.decodeEvent("dice.rolled", read(codec.logPayload(rolled).toString()))).isEqualTo(rolled);

        var hidden = new TableEvent.DiceHidden("u-pia", "Pia", "1d20");
        assertThat(codec.eventPayload(hidden).toString()).doesNotContain("result").doesNotContain("total");
        assertThat(codec.decodeEvent("dice.hidden", read(codec.logPayload(hidden).toString()))).isEqualTo(hidden);

        var chat = new TableEvent.ChatPosted("u-pia", "Pia", ChatKind.IN_CHARACTER, "hit [[4d6dl1! # strength]]",
                Audience.TABLE, Optional.empty(), List.of(new ChatRoll(4, 26, "4d6dl1! # strength", result)));
        JsonNode posted = codec.eventPayload(chat);
        assertThat(posted.path("rolls").get(0).path("text").asText()).isEqualTo(result.text());
        assertThat(codec.decodeEvent("chat.posted", read(codec.logPayload(chat).toString()))).isEqualTo(chat);
    }

    @Test
    void a_snapshot_keeps_the_encounter() {
        Encounter encounter = new Encounter(true, 2, Optional.of("c1"), Optional.empty(),
                List.of(CombatSamples.COMBATANT), List.of(), 3, List.of(Encounter.NONE));
        TableState state = new TableState(Map.of("u-gm", new Caller("u-gm", "Gemma", Role.GM)),
                List.of(new ChatLine(4, new TableEvent.ChatPosted("u-gm", "Gemma", ChatKind.OUT_OF_CHARACTER, "hi",
                        Audience.TABLE, Optional.empty()))), encounter, dev.hearth.core.map.MapState.EMPTY);
        assertThat(codec.decodeState(codec.encodeState(state))).isEqualTo(state);
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
