package dev.hearth.core.map;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** A new value for one property of a token. A command carries at most one per property. */
public sealed interface TokenChange {

    TokenProperty property();

    /** On which layer: {@code MAP}, {@code TOKENS} or {@code GM}. */
    record OnLayer(Layer layer) implements TokenChange {
        public OnLayer {
            Objects.requireNonNull(layer, "layer");
        }

        @Override
        public TokenProperty property() {
            return TokenProperty.LAYER;
        }
    }

    /** The top-left corner, in map coordinates: finite, within ±1,000,000. */
    record Position(double x, double y) implements TokenChange {
        @Override
        public TokenProperty property() {
            return TokenProperty.POSITION;
        }
    }

    /** Width and height in map coordinates: finite, greater than 0, at most 1,000,000. */
    record Size(double width, double height) implements TokenChange {
        @Override
        public TokenProperty property() {
            return TokenProperty.SIZE;
        }
    }

    /** Degrees clockwise; any finite value, kept as 0 to 360 (exclusive). */
    record Rotation(double degrees) implements TokenChange {
        @Override
        public TokenProperty property() {
            return TokenProperty.ROTATION;
        }
    }

    /** 0-100 characters, no control characters. */
    record Name(String name) implements TokenChange {
        public Name {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public TokenProperty property() {
            return TokenProperty.NAME;
        }
    }

    record Image(Optional<ImageRef> image) implements TokenChange {
        public Image {
            Objects.requireNonNull(image, "image");
        }

        @Override
        public TokenProperty property() {
            return TokenProperty.IMAGE;
        }
    }

    /** The users who may move it, at most 20, kept sorted so every replica holds the same value. */
    record Owners(List<String> userIds) implements TokenChange {
        public Owners {
            userIds = List.copyOf(new TreeSet<>(userIds));
        }

        @Override
        public TokenProperty property() {
            return TokenProperty.OWNERS;
        }
    }

    /** The combatant it stands for in the combat tracker (its HP bar and conditions), if any. */
    record Combatant(Optional<String> combatantId) implements TokenChange {
        public Combatant {
            Objects.requireNonNull(combatantId, "combatantId");
        }

        @Override
        public TokenProperty property() {
            return TokenProperty.COMBATANT;
        }
    }

    /** Hidden from players and spectators until the GM reveals it, wherever it stands. */
    record Hidden(boolean hidden) implements TokenChange {
        @Override
        public TokenProperty property() {
            return TokenProperty.HIDDEN;
        }
    }

    /** A locked token does not move for players. */
    record Locked(boolean locked) implements TokenChange {
        @Override
        public TokenProperty property() {
            return TokenProperty.LOCKED;
        }
    }
}
