package dev.hearth.core.combat;

import java.util.Objects;
import java.util.Optional;

/**
 * Something that happens to a creature at the start or end of its turn ("take 1d6 fire"). The
 * tracker only announces it ({@code EffectTriggered}); the GM applies any damage.
 *
 * @param damage a fixed amount to announce with it, if the effect has one
 */
public record TurnEffect(String name, String text, TurnBoundary at, Optional<Integer> damage,
        Optional<DamageType> damageType) {

    public TurnEffect {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(damage, "damage");
        Objects.requireNonNull(damageType, "damageType");
    }
}
