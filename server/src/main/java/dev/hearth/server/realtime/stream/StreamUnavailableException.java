package dev.hearth.server.realtime.stream;

import dev.hearth.core.session.SessionId;

/** A stream could not be loaded (the store is unreachable): the caller answers E008 and the client retries. */
public final class StreamUnavailableException extends RuntimeException {

    public StreamUnavailableException(SessionId id) {
        super("stream " + id + " cannot be loaded", null, false, false);
    }
}
