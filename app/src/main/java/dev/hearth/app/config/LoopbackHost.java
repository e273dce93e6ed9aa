package dev.hearth.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Tells whether a {@code server.host} is reachable from this machine only: every address it names
 * is a loopback address ({@code 127.0.0.0/8}, {@code ::1}). The wildcards {@code 0.0.0.0} and
 * {@code ::} are not: they listen on every interface.
 */
final class LoopbackHost {

    /** How a host name becomes addresses; the system resolver, or a fixed table in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final LoopbackHost SYSTEM = new LoopbackHost(InetAddress::getAllByName);

    private final Resolver resolver;

    LoopbackHost(Resolver resolver) {
        this.resolver = resolver;
    }

    /**
     * True if {@code host} (an IPv4 or IPv6 literal, bracketed or not, or a name) resolves only to
     * loopback addresses. A name that does not resolve is not known to be loopback, so it is false.
     */
    boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            // Every address, not just the first: a name resolving to loopback and a LAN address could reach both.
            InetAddress[] addresses = resolver.resolve(bare);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
