package dev.hearth.bench.map;

/** What a command of the mix does, for figures per kind. */
enum CommandKind {
    MOVE("token move", "a player moving their token (56 %) or the GM a monster (25 %), a cell at a time, client-stamped"),
    DRAW("drawing", "add (8 %: freehand ~50 points, rectangle or text), erase own (3 %), undo (3 %), redo (1 %)"),
    FOG("fog change", "the GM reveals or hides a rectangle or a brush outline in the dungeon (2 %)"),
    HIDE("token hide/reveal", "the GM hides a shown token or shows a hidden one (2 %)");

    private final String label;
    private final String mix;

    CommandKind(String label, String mix) {
        this.label = label;
        this.mix = mix;
    }

    String label() {
        return label;
    }

    String mix() {
        return mix;
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
