package dev.hearth.server;

/** The server could not start listening; the message says why and what to change. */
public final class ServerStartException extends RuntimeException {

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
