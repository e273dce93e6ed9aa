package dev.hearth.core.map;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A token on a scene: an id and one last-writer-wins register per {@link TokenProperty}, each
 * stamped with the {@link Hlc} of the write that set it. Edits of different properties never
 * touch each other, so concurrent ones both survive; edits of one property keep the later stamp.
 *
 * @param registers exactly one per property
 */
public record Token(String id, Map<TokenProperty, Lww<TokenChange>> registers) {

    public Token {
        Objects.requireNonNull(id, "id");
        EnumMap<TokenProperty, Lww<TokenChange>> copy = new EnumMap<>(TokenProperty.class);
        copy.putAll(registers);
        for (TokenProperty p : TokenProperty.values()) {
            if (!copy.containsKey(p) || copy.get(p).value().property() != p) {
                throw new IllegalArgumentException("token " + id + " needs one " + p + " register");
            }
        }
        registers = Collections.unmodifiableMap(copy);
    }

    /** A new token: the given values over the defaults (tokens layer, at 0,0, one grid cell, named nothing). */
    static Token created(String id, List<TokenChange> initial, Grid grid, Hlc stamp) {
        Map<TokenProperty, Lww<TokenChange>> r = new EnumMap<>(TokenProperty.class);
        for (TokenChange c : List.of(new TokenChange.OnLayer(Layer.TOKENS), new TokenChange.Position(0, 0),
                new TokenChange.Size(grid.cellSize(), grid.cellSize()), new TokenChange.Rotation(0),
                new TokenChange.Name(""), new TokenChange.Image(Optional.empty()), new TokenChange.Owners(List.of()),
                new TokenChange.Combatant(Optional.empty()), new TokenChange.Hidden(false),
                new TokenChange.Locked(false))) {
            r.put(c.property(), new Lww<>(c, stamp));
        }
        for (TokenChange c : initial) {
            r.put(c.property(), new Lww<>(c, stamp));
        }
        return new Token(id, r);
    }

    /** This token after a write: the property keeps whichever of its value and this one is stamped later. */
    Token with(TokenChange change, Hlc stamp) {
        Lww<TokenChange> now = registers.get(change.property());
        Lww<TokenChange> merged = now.merge(change, stamp);
        if (merged == now) {
            return this;
        }
        Map<TokenProperty, Lww<TokenChange>> r = new EnumMap<>(registers);
        r.put(change.property(), merged);
        return new Token(id, r);
    }

    /** The stamp of the write that set a property. */
    public Hlc stamp(TokenProperty property) {
        return registers.get(property).stamp();
    }

    public Layer layer() {
        return ((TokenChange.OnLayer) value(TokenProperty.LAYER)).layer();
    }

    public TokenChange.Position position() {
        return (TokenChange.Position) value(TokenProperty.POSITION);
    }

    public TokenChange.Size size() {
        return (TokenChange.Size) value(TokenProperty.SIZE);
    }

    public double rotation() {
        return ((TokenChange.Rotation) value(TokenProperty.ROTATION)).degrees();
    }

    public String name() {
        return ((TokenChange.Name) value(TokenProperty.NAME)).name();
    }

    public Optional<ImageRef> image() {
        return ((TokenChange.Image) value(TokenProperty.IMAGE)).image();
    }

    public List<String> owners() {
        return ((TokenChange.Owners) value(TokenProperty.OWNERS)).userIds();
    }

    public Optional<String> combatantId() {
        return ((TokenChange.Combatant) value(TokenProperty.COMBATANT)).combatantId();
    }

    public boolean hidden() {
        return ((TokenChange.Hidden) value(TokenProperty.HIDDEN)).hidden();
    }

    public boolean locked() {
        return ((TokenChange.Locked) value(TokenProperty.LOCKED)).locked();
    }

    /** The token's rectangle, unrotated. */
    public Box box() {
        TokenChange.Position p = position();
        TokenChange.Size s = size();
        return new Box(p.x(), p.y(), p.x() + s.width(), p.y() + s.height());
    }

    private TokenChange value(TokenProperty property) {
        return registers.get(property).value();
    }
}
