package dev.hearth.core.table;

import dev.hearth.core.access.Role;
import dev.hearth.core.combat.Combat;
import dev.hearth.core.combat.CombatCommand;
import dev.hearth.core.combat.CombatContext;
import dev.hearth.core.combat.CombatEvent;
import dev.hearth.core.combat.Encounter;
import dev.hearth.core.map.MapContext;
import dev.hearth.core.map.MapEvent;
import dev.hearth.core.map.MapRules;
import dev.hearth.core.map.MapState;
import dev.hearth.core.map.MapVisibility;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Domain;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.stream.Visibility;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a game session's table: chat (with inline rolls), dice, combat, the shared map, and
 * who is seated.
 *
 * <p>Dice are drawn in decide from the context's generator and recorded in the events; apply never
 * rolls. Combat is decided by {@link dev.hearth.core.combat.Combat}; each of its events is wrapped
 * with its visibility, judged on the encounter just before that event (the events of one command
 * are folded one at a time), and the wrapper keeps it for ever. Map events are kept the same way
 * with what GMs and what everyone else receive of them ({@link MapVisibility}), judged on the map
 * just before and after each.
 */
public final class Table implements Domain<TableState, TableCommand, TableEvent> {

    private final Combat combat = new Combat();
    private final MapRules map = new MapRules();

    @Override
    public TableState initial() {
        return TableState.EMPTY;
    }

    @Override
    public Decision<TableEvent> decide(TableState state, TableCommand command, CommandContext context) {
        Caller caller = context.caller();
        return switch (command) {
            case TableCommand.PostChat chat -> {
                if (chat.kind() == ChatKind.ANNOUNCEMENT && caller.role() != Role.GM) {
                    yield Decision.reject(Rejection.notPermitted("Only a GM makes announcements."));
                }
                Optional<Rejection> invalid = ChatRules.check(chat, context);
                if (invalid.isPresent()) {
                    yield Decision.reject(invalid.get());
                }
                yield switch (DiceRules.inline(chat.text(), context.random())) {
                    case DiceRules.Inline.Refused r -> Decision.reject(r.rejection());
                    case DiceRules.Inline.Done d -> Decision.accept(new TableEvent.ChatPosted(caller.userId(),
                            caller.displayName(), chat.kind(), chat.text(), chat.to(), chat.as(), d.rolls()));
                };
            }
            case TableCommand.RollDice roll when caller.role() == Role.SPECTATOR ->
                    Decision.reject(Rejection.notPermitted("Spectators watch; they do not roll."));
            case TableCommand.RollDice roll -> switch (DiceRules.roll(roll.expression(), "expression", 0, context.random())) {
                case DiceRules.Rolled.Refused r -> Decision.reject(r.rejection());
                case DiceRules.Rolled.Done d -> {
                    var rolled = new TableEvent.DiceRolled(caller.userId(), caller.displayName(), roll.mode(),
                            roll.expression(), d.result());
                    // A GM sees a blind roll's result anyway; only others need to be told that it happened.
                    yield roll.mode() == DiceMode.BLIND && caller.role() != Role.GM
                            ? Decision.accept(rolled, new TableEvent.DiceHidden(caller.userId(), caller.displayName(),
                                    roll.expression()))
                            : Decision.accept(rolled);
                }
            };
            case TableCommand.Combat c -> combat(state, c.command(), context);
            case TableCommand.Map m -> map(state, m, context);
            // Idempotent: arriving twice or leaving when not seated records nothing.
            case TableCommand.Arrive arrive -> state.seated().containsKey(caller.userId())
                    ? Decision.accept()
                    : Decision.accept(new TableEvent.MemberArrived(caller.userId(), caller.displayName(), caller.role()));
            case TableCommand.Leave leave -> state.seated().containsKey(caller.userId())
                    ? Decision.accept(new TableEvent.MemberLeft(caller.userId(), caller.displayName()))
                    : Decision.accept();
        };
    }

    @Override
    public TableState apply(TableState state, TableEvent event, long seq) {
        return switch (event) {
            case TableEvent.ChatPosted posted -> state.withChat(new ChatLine(seq, posted));
            case TableEvent.MemberArrived arrived -> state.seat(
                    new Caller(arrived.userId(), arrived.displayName(), arrived.role()));
            case TableEvent.MemberLeft left -> state.unseat(left.userId());
            case TableEvent.DiceRolled rolled -> state;
            case TableEvent.DiceHidden hidden -> state;
            case TableEvent.CombatHappened happened -> state.withEncounter(combat.apply(state.encounter(), happened.event()));
            case TableEvent.MapHappened happened -> state.withMap(map.apply(state.map(), happened.event()));
        };
    }

    @Override
    public Visibility visibility(TableEvent event) {
        return switch (event) {
            case TableEvent.ChatPosted posted -> switch (posted.to()) {
                case Audience.Table table -> Visibility.EVERYONE;
                case Audience.Gms gms -> new Visibility.GmsAnd(Set.of(posted.userId()));
                case Audience.Whisper whisper -> {
                    Set<String> participants = new HashSet<>(whisper.userIds());
                    participants.add(posted.userId());
                    yield new Visibility.Users(participants);
                }
            };
            case TableEvent.MemberArrived arrived -> Visibility.EVERYONE;
            case TableEvent.MemberLeft left -> Visibility.EVERYONE;
            case TableEvent.DiceRolled rolled -> switch (rolled.mode()) {
                case PUBLIC -> Visibility.EVERYONE;
                case GM -> new Visibility.GmsAnd(Set.of(rolled.userId()));
                case BLIND -> GMS;
                case SELF -> Visibility.only(rolled.userId());
            };
            case TableEvent.DiceHidden hidden -> Visibility.only(hidden.userId());
            case TableEvent.CombatHappened happened -> happened.visibility();
            case TableEvent.MapHappened happened -> happened.forOthers().isEmpty() ? GMS : Visibility.EVERYONE;
        };
    }

    private static final Visibility GMS = new Visibility.GmsAnd(Set.of());

    private Decision<TableEvent> combat(TableState state, CombatCommand command, CommandContext context) {
        return switch (combat.decide(state.encounter(), command, new CombatContext(context.caller(), context.random()))) {
            case Decision.Rejected<CombatEvent> r -> Decision.reject(r.rejection());
            case Decision.Accepted<CombatEvent> a -> {
                List<TableEvent> events = new ArrayList<>(a.events().size());
                Encounter before = state.encounter();
                for (CombatEvent event : a.events()) {
                    events.add(new TableEvent.CombatHappened(context.caller().userId(), event,
                            combat.visibility(event, before)));
                    before = combat.apply(before, event);
                }
                yield new Decision.Accepted<>(events);
            }
        };
    }

    private Decision<TableEvent> map(TableState state, TableCommand.Map command, CommandContext context) {
        Caller caller = context.caller();
        // Whose turn it is, the table knows from the encounter; the map asks only when moves wait for turns.
        boolean callersTurn = state.encounter().active()
                && state.encounter().currentCombatant().filter(c -> c.ownedBy(caller.userId())).isPresent();
        return switch (map.decide(state.map(), command.command(), new MapContext(caller, context.now(), callersTurn))) {
            case Decision.Rejected<MapEvent> r -> Decision.reject(r.rejection());
            case Decision.Accepted<MapEvent> a -> {
                List<TableEvent> events = new ArrayList<>(a.events().size());
                MapState before = state.map();
                for (MapEvent event : a.events()) {
                    MapState after = map.apply(before, event);
                    events.add(new TableEvent.MapHappened(caller.userId(), event,
                            MapVisibility.forGms(event, before, after), MapVisibility.forOthers(event, before, after)));
                    before = after;
                }
                yield new Decision.Accepted<>(events);
            }
        };
    }
}
