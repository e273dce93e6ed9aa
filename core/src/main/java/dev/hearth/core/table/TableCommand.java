package dev.hearth.core.table;

import dev.hearth.core.access.Permission;
import dev.hearth.core.combat.CombatCommand;
import dev.hearth.core.map.MapCommand;
import java.util.Objects;
import java.util.Optional;

/** What may be asked of a game session's table. Each names the permission it needs. */
public sealed interface TableCommand {

    Permission permission();

    /**
     * Says something in the session chat.
     *
     * @param as for in-character lines and emotes, the name spoken as (a character, an NPC); empty
     *     for the sender's own name
     */
    record PostChat(String text, ChatKind kind, Audience to, Optional<String> as) implements TableCommand {
        public PostChat {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(as, "as");
        }

        @Override
        public Permission permission() {
            return kind == ChatKind.ANNOUNCEMENT ? Permission.ANNOUNCE : Permission.CHAT;
        }
    }

    /**
     * Rolls dice (docs/dice.md) on the server.
     *
     * @param expression the notation, 1-500 characters, perhaps with a label and repeats
     */
    record RollDice(String expression, DiceMode mode) implements TableCommand {
        public RollDice {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(mode, "mode");
        }

        @Override
        public Permission permission() {
            return Permission.ROLL;
        }
    }

    /** A command for the combat tracker; its rules say which role may do what to whom. */
    record Combat(CombatCommand command) implements TableCommand {
        public Combat {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public Permission permission() {
            return Permission.COMBAT;
        }
    }

    /**
     * A command for the shared map. The permission is the coarse gate (spectators have none of
     * these); the map's rules then say which token, layer and place each role may touch.
     */
    record Map(MapCommand command) implements TableCommand {
        public Map {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public Permission permission() {
            return switch (command) {
                case MapCommand.EditToken c -> Permission.MOVE_TOKEN;
                case MapCommand.Draw c -> Permission.DRAW;
                case MapCommand.Erase c -> Permission.DRAW;
                case MapCommand.UndoDrawing c -> Permission.DRAW;
                case MapCommand.RedoDrawing c -> Permission.DRAW;
                case MapCommand.ClearCanvas c -> Permission.CLEAR_CANVAS;
                case MapCommand.ChangeFog c -> Permission.MANAGE_FOG;
                case MapCommand.ResetFog c -> Permission.MANAGE_FOG;
                case MapCommand.CreateScene c -> Permission.MANAGE_MAP;
                case MapCommand.ImportScene c -> Permission.MANAGE_MAP;
                case MapCommand.UpdateScene c -> Permission.MANAGE_MAP;
                case MapCommand.DeleteScene c -> Permission.MANAGE_MAP;
                case MapCommand.ActivateScene c -> Permission.MANAGE_MAP;
                case MapCommand.SetMoveRule c -> Permission.MANAGE_MAP;
                case MapCommand.CreateToken c -> Permission.MANAGE_MAP;
                case MapCommand.DeleteToken c -> Permission.MANAGE_MAP;
            };
        }
    }

    /** The server records that a member sat down at the table (their first connection). */
    record Arrive() implements TableCommand {
        @Override
        public Permission permission() {
            return Permission.VIEW_CANVAS;
        }
    }

    /** The server records that a member left the table (their last connection is gone for a while). */
    record Leave() implements TableCommand {
        @Override
        public Permission permission() {
            return Permission.VIEW_CANVAS;
        }
    }
}
