package dev.hearth.core.combat;

/**
 * What players see of a creature whose exact hit points they may not see. Thresholds are on
 * current over maximum hit points (temporary ones do not count): 100% healthy, above 50% injured,
 * above 25% bloodied, above 0 critical. Bloodied is the common table word for "half or less"; a
 * quarter is the usual point where GMs describe a foe as near death.
 */
public enum Health {
    HEALTHY, INJURED, BLOODIED, CRITICAL, DOWN, DEAD;

    public static Health of(Creature creature) {
        HitPoints hp = creature.hp();
        if (creature.dead()) {
            return DEAD;
        }
        if (hp.current() == 0) {
            return DOWN;
        }
        if (hp.current() >= hp.max()) {
            return HEALTHY;
        }
        // In longs: a current of up to 1,000,000 times 4 still fits in an int, but there is no reason to find out.
        long current = hp.current();
        if (current * 2 > hp.max()) {
            return INJURED;
        }
        return current * 4 > hp.max() ? BLOODIED : CRITICAL;
    }
}
