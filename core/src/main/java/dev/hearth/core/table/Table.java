package dev.hearth.core.table;

import dev.hearth.core.access.Role;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Domain;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.stream.Visibility;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The rules of a game session's table: chat and who is seated. Later issues add dice, combat, the map. */
public final class Table implements Domain<TableState, TableCommand, TableEvent> {

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
                yield invalid.<Decision<TableEvent>>map(Decision::reject).orElseGet(() -> Decision.accept(
                        new TableEvent.ChatPosted(caller.userId(), caller.displayName(), chat.kind(), chat.text(),
                                chat.to(), chat.as())));
            }
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
        };
    }
}
