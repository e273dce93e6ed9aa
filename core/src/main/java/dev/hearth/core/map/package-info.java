/**
 * The shared map of a session, as a pure decider: {@link dev.hearth.core.map.MapRules#decide}
 * turns a {@link dev.hearth.core.map.MapCommand} into {@link dev.hearth.core.map.MapEvent}s or a
 * {@link dev.hearth.core.stream.Rejection}, and {@link dev.hearth.core.map.MapRules#apply} folds
 * them into an immutable {@link dev.hearth.core.map.MapState}.
 *
 * <p>Map: a {@code MapState} holds {@code Scene}s (settings: grid, background {@code ImageRef};
 * a {@code Fog}; {@code Token}s; a {@code Canvas} of {@code Drawing}s with each user's
 * {@code History}) and which one is active. Token properties are {@code Lww} registers stamped by
 * a {@link dev.hearth.core.map.HybridLogicalClock} ({@code Hlc}); drawings and fog follow the
 * session's order. {@code MapChecks} validates input. {@link dev.hearth.core.map.MapVisibility}
 * turns each event into deliveries for GMs and for everyone else, and {@link
 * dev.hearth.core.map.MapView} is the redacted state for one viewer: no GM layer, no hidden token,
 * nothing under fog ever reaches a player or spectator.
 */
package dev.hearth.core.map;
