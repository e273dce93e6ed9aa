package dev.hearth.server.realtime;

import dev.hearth.server.auth.Authentication;
import dev.hearth.server.auth.Identity;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.store.accounts.Account;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a real-time client is: by its access token (in {@code hello} or in-band {@code auth}), by a
 * single-use ticket from {@code POST /api/realtime/ticket} (for clients that cannot send a message
 * before they need the identity, like EventSource), or, in local mode, always the local user. A
 * long-lived token never appears in a URL: a ticket lasts seconds and works once.
 */
public final class Identities {

    private final Optional<Authentication> auth;
    private final Optional<Account> localUser;
    private final InstantSource clock;
    private final Duration ticketTtl;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    private record Ticket(Identity identity, Instant expiresAt) {}

    public Identities(Optional<Authentication> auth, Optional<Account> localUser, InstantSource clock, Duration ticketTtl) {
        this.auth = auth;
        this.localUser = localUser;
        this.clock = clock;
        this.ticketTtl = ticketTtl;
    }

    /** The identity of a token; in local mode, the local user (a token is then refused, as on HTTP). */
    public Optional<Outcome<Identity>> byToken(Optional<String> token) {
        if (localUser.isPresent()) {
            return Optional.of(token.isPresent()
                    ? Outcome.refused(Refusal.unauthenticated("This Hearth runs in local mode and issues no tokens;"
                            + " say hello without one."))
                    : Outcome.done(Identity.local(localUser.get())));
        }
        return token.filter(t -> !t.isBlank()).map(t -> auth.orElseThrow().identify(t));
    }

    /** Issues a ticket for an identity the HTTP edge authenticated. */
    public String issueTicket(Identity identity) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tickets.values().removeIf(t -> t.expiresAt.isBefore(now));
        tickets.put(ticket, new Ticket(identity, now.plus(ticketTtl)));
        return ticket;
    }

    public Duration ticketTtl() {
        return ticketTtl;
    }

    /** Redeems a ticket: once, before it expires, while its sign-in lasts. */
    public Outcome<Identity> redeem(String ticket) {
        Ticket t = ticket == null ? null : tickets.remove(ticket);
        if (t == null || t.expiresAt.isBefore(clock.instant())
                || (auth.isPresent() && !auth.get().stillSignedIn(t.identity))) {
            return Outcome.refused(new Refusal(401, ErrorBody.of(ErrorCode.E002,
                    "The ticket is unknown, used or expired; get a new one from POST /api/realtime/ticket.")));
        }
        return Outcome.done(t.identity);
    }

    public boolean stillSignedIn(Identity identity) {
        return auth.map(a -> a.stillSignedIn(identity)).orElse(true);
    }

    /** Local mode's identity of every request, if this is local mode. */
    public Optional<Identity> local() {
        return localUser.map(Identity::local);
    }
}
