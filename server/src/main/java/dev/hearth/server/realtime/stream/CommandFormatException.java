package dev.hearth.server.realtime.stream;

/** A client message whose payload is not a valid command: the message names the field and what it must be. */
public final class CommandFormatException extends RuntimeException {

    private final String field;

    public CommandFormatException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
