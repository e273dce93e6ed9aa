package dev.hearth.core.stream;

/**
 * One kind of event-sourced stream: a game session's table, a user's inbox, the system channel.
 * Pure: {@link #decide} and {@link #apply} do no I/O and read no clock; what they need from the
 * world comes in the {@link CommandContext}. The server runs every stream through the same
 * single-writer loop: decide, append, apply, acknowledge, fan out by {@link #visibility}.
 *
 * @param <S> the state, an immutable value
 * @param <C> the commands it decides
 * @param <E> the events it records
 */
public interface Domain<S, C, E> {

    /** The state of a stream with no events. */
    S initial();

    /** The events a command causes in this state, or why it is refused. Never changes anything. */
    Decision<E> decide(S state, C command, CommandContext context);

    /** The state after an event, which was recorded with sequence number {@code seq}. */
    S apply(S state, E event, long seq);

    /** Who may receive an event. Events nobody else may see are never sent to them. */
    Visibility visibility(E event);
}
