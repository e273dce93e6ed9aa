package dev.hearth.core.combat;

/** How a creature takes one damage type. A creature has at most one defense per type. */
public enum Defense {
    /** Half the damage, rounded down. */
    RESISTANT,
    /** Double the damage. */
    VULNERABLE,
    /** No damage. */
    IMMUNE;

    int adjust(int damage) {
        return switch (this) {
            case RESISTANT -> damage / 2;
            case VULNERABLE -> damage * 2;
            case IMMUNE -> 0;
        };
    }
}
