package dev.hearth.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Access tokens: ES256-signed JWTs ({@code typ: at+jwt}, RFC 9068) naming the account ({@code sub})
 * and the sign-in ({@code sid}) they belong to, with issuer and audience.
 *
 * <p>Verification accepts nothing but ES256 from a key of the ring, found by {@code kid}: {@code
 * alg: none}, HMAC with a public key as secret and unknown keys all fail before any signature check.
 */
public final class AccessTokens {

    /** Clock difference tolerated between this server and the one that issued (the same, or a peer). */
    static final Duration LEEWAY = Duration.ofSeconds(30);
    private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

    private final SigningKeyRing keys;
    private final String issuer;
    private final String audience;
    private final Duration ttl;

    public AccessTokens(SigningKeyRing keys, String issuer, String audience, Duration ttl) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    String issue(String accountId, String signInId, Instant now) {
        ECKey key = keys.signingKey();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(TYPE).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(accountId)
                .claim("sid", signInId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** The claims of {@code token} if it is genuine, ours, for us, and current at {@code now}. */
    Optional<AccessClaims> verify(String token, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !TYPE.equals(header.getType())
                    || header.getKeyID() == null) {
                return Optional.empty();
            }
            Optional<ECKey> key = keys.verificationKey(header.getKeyID(), now);
            if (key.isEmpty() || !jwt.verify(new ECDSAVerifier(key.get().toECPublicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date issued = claims.getIssueTime();
            Date expires = claims.getExpirationTime();
            Object sid = claims.getClaim("sid");
            boolean valid = issuer.equals(claims.getIssuer())
                    && List.of(audience).equals(claims.getAudience())
                    && claims.getSubject() != null
                    && sid instanceof String
                    && issued != null && !issued.toInstant().isAfter(now.plus(LEEWAY))
                    && expires != null && expires.toInstant().plus(LEEWAY).isAfter(now)
                    && (claims.getNotBeforeTime() == null || !claims.getNotBeforeTime().toInstant().isAfter(now.plus(LEEWAY)));
            return valid ? Optional.of(new AccessClaims(claims.getSubject(), (String) sid, expires.toInstant()))
                    : Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty(); // any malformed token is simply not a valid one
        }
    }
}
