package dev.hearth.core.system;

public sealed interface SystemEvent {

    record Announced(String text, SystemCommand.Level level) implements SystemEvent {}
}
