package dev.hearth.server.images;

import dev.hearth.core.access.AccessPolicy;
import dev.hearth.core.access.Decision;
import dev.hearth.core.access.Denial;
import dev.hearth.core.access.Permission;
import dev.hearth.core.session.SessionId;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.store.accounts.Account;
import dev.hearth.store.campaigns.CampaignStore;
import dev.hearth.store.campaigns.GameSession;
import dev.hearth.store.images.ImageHash;
import dev.hearth.store.images.ImageInfo;
import dev.hearth.store.images.ImageStore;
import dev.hearth.store.images.NewImage;
import dev.hearth.store.images.PutResult;
import dev.hearth.store.images.StoredImage;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A game session's images as the API offers them, transport-free. Images belong to the session's
 * campaign (a map background serves every session of it); who may upload ({@link
 * Permission#MANAGE_MAP}) or see one ({@link Permission#VIEW_CANVAS}) is asked of the {@link
 * AccessPolicy}, never decided here. Order of checks: the caller's standing, then the permission,
 * then the bytes, then the store.
 */
public final class Images {

    /** 10 MiB: a large battle map as PNG fits, and a body this size is still read into memory safely. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** 500 MiB of images per campaign, unless configured otherwise. */
    public static final long DEFAULT_QUOTA_BYTES = 500L * 1024 * 1024;

    private final ImageStore store;
    private final CampaignStore campaigns;
    private final AccessPolicy policy;
    private final ImageProbe probe;
    private final InstantSource clock;
    private final long quotaBytes;

    /** @param quotaBytes how many bytes of images one campaign may hold */
    public Images(ImageStore store, CampaignStore campaigns, AccessPolicy policy, ImageProbe probe, InstantSource clock,
            long quotaBytes) {
        if (quotaBytes < 0) {
            throw new IllegalArgumentException("an image quota is at least 0 bytes, was " + quotaBytes);
        }
        this.store = store;
        this.campaigns = campaigns;
        this.policy = policy;
        this.probe = probe;
        this.clock = clock;
        this.quotaBytes = quotaBytes;
    }

    /** A GM's leave to upload to a campaign: what {@link #upload} needs, so it cannot be called without it. */
    public record UploadPermit(String campaignId, Account uploader) {}

    /** A stored image, and whether this upload stored it (else the campaign had it already). */
    public record Uploaded(ImageInfo info, boolean created) {}

    /**
     * May {@code me} upload to the session's campaign? Asked before the body is read, so a refused
     * caller never costs a 10 MB read.
     */
    public Outcome<UploadPermit> permit(Account me, String sessionId) {
        Optional<String> found = campaignOf(sessionId);
        if (found.isEmpty()) {
            return Outcome.refused(noSuchSession());
        }
        String campaignId = found.get();
        return switch (policy.decide(campaigns.standing(campaignId, me.id()), Permission.MANAGE_MAP)) {
            case Decision.Allowed allowed -> Outcome.done(new UploadPermit(campaignId, me));
            case Decision.Denied denied when denied.code() == Denial.NOT_A_MEMBER -> Outcome.refused(noSuchSession());
            case Decision.Denied denied -> Outcome.refused(Refusal.notPermitted(denied.reason(), Map.of(
                    "permission", Permission.MANAGE_MAP.name().toLowerCase(Locale.ROOT),
                    "reason", denied.code().name().toLowerCase(Locale.ROOT))));
        };
    }

    /** Checks the bytes are an image of the {@code declared} type within the pixel limits, then stores them. */
    public Outcome<Uploaded> upload(UploadPermit permit, ImageType declared, byte[] bytes) {
        ProbeResult.Image image;
        switch (probe.probe(bytes)) {
            case ProbeResult.Image i when i.type() == declared -> image = i;
            case ProbeResult.Image i -> {
                return Outcome.refused(badBody("type_mismatch", "The body is " + i.type().mediaType() + ", not "
                        + declared.mediaType() + " as Content-Type says.", Map.of("detected", i.type().mediaType())));
            }
            case ProbeResult.NotAnImage n -> {
                return Outcome.refused(badBody("not_an_image", "The body is not a PNG, JPEG or WebP image.", Map.of()));
            }
            case ProbeResult.Malformed m -> {
                return Outcome.refused(badBody("malformed", "The body is not a readable " + m.type().mediaType()
                        + " image: " + m.problem() + ".", Map.of()));
            }
            case ProbeResult.TooManyPixels t -> {
                return Outcome.refused(badBody("too_many_pixels", "The image is " + t.width() + "x" + t.height()
                        + " pixels; at most " + ImageProbe.MAX_SIDE + " a side and " + ImageProbe.MAX_PIXELS
                        + " in all are taken.", Map.of("width", t.width(), "height", t.height(),
                                "maxSide", ImageProbe.MAX_SIDE, "maxPixels", ImageProbe.MAX_PIXELS)));
            }
        }
        NewImage stored = NewImage.of(permit.campaignId(), declared.mediaType(), image.width(), image.height(), bytes,
                permit.uploader().id(), clock.instant());
        return switch (store.put(stored, quotaBytes)) {
            case PutResult.Stored s -> Outcome.done(new Uploaded(s.info(), true));
            case PutResult.AlreadyStored a -> Outcome.done(new Uploaded(a.info(), false));
            case PutResult.OverQuota q -> Outcome.refused(Refusal.conflict("This campaign's images would take "
                    + (q.usedBytes() + bytes.length) + " bytes, more than its quota of " + q.quotaBytes()
                    + " bytes.", "quota", Map.of("usedBytes", q.usedBytes(), "quotaBytes", q.quotaBytes(),
                            "size", bytes.length)));
            case PutResult.NoSuchCampaign n -> Outcome.refused(noSuchSession()); // deleted a moment ago
        };
    }

    /** The image's record, for a member of the session's campaign; 404 alike for everything else. */
    public Outcome<ImageInfo> info(Account me, String sessionId, String hash) {
        return visible(me, sessionId, hash, campaignId -> store.info(campaignId, hash));
    }

    /** The image with its bytes, for a member of the session's campaign; 404 alike for everything else. */
    public Outcome<StoredImage> read(Account me, String sessionId, String hash) {
        return visible(me, sessionId, hash, campaignId -> store.find(campaignId, hash));
    }

    /**
     * What {@code lookup} finds in the session's campaign, if {@code me} may see it. An unknown
     * session, an outsider and an unknown image get the same answer: outsiders learn nothing.
     */
    private <T> Outcome<T> visible(Account me, String sessionId, String hash, Function<String, Optional<T>> lookup) {
        if (!ImageHash.isWellFormed(hash)) {
            return Outcome.refused(Refusal.invalid("hash", "An image hash is sha256- and 64 lower-case hex digits."));
        }
        Optional<T> found = campaignOf(sessionId)
                .filter(id -> policy.decide(campaigns.standing(id, me.id()), Permission.VIEW_CANVAS).allowed())
                .flatMap(lookup);
        return found.<Outcome<T>>map(Outcome::done).orElseGet(() -> Outcome.refused(Refusal.notFound("No such image.")));
    }

    private Optional<String> campaignOf(String sessionId) {
        Optional<GameSession> session;
        try {
            session = campaigns.findSession(SessionId.of(sessionId));
        } catch (IllegalArgumentException e) {
            session = Optional.empty(); // not a session id at all: told like one that does not exist
        }
        return session.map(GameSession::campaignId);
    }

    private static Refusal noSuchSession() {
        return new Refusal(404, ErrorBody.of(ErrorCode.E005, "No such game session, or you are not a member of its campaign."));
    }

    /** 400 E007 blaming the body, with a reason a client can switch on. */
    private static Refusal badBody(String reason, String message, Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", "body");
        details.put("reason", reason);
        details.putAll(more);
        return new Refusal(400, new ErrorBody(ErrorCode.E007, message, details, null));
    }
}
