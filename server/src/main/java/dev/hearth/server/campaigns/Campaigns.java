package dev.hearth.server.campaigns;

import dev.hearth.server.Signal;
import dev.hearth.core.access.AccessPolicy;
import dev.hearth.core.access.Decision;
import dev.hearth.core.access.Denial;
import dev.hearth.core.access.Permission;
import dev.hearth.core.access.Role;
import dev.hearth.core.access.Standing;
import dev.hearth.core.session.SessionId;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.http.Refusal;
import dev.hearth.store.accounts.Account;
import dev.hearth.store.campaigns.Acceptance;
import dev.hearth.store.campaigns.Campaign;
import dev.hearth.store.campaigns.CampaignStore;
import dev.hearth.store.campaigns.GameSession;
import dev.hearth.store.campaigns.Invite;
import dev.hearth.store.campaigns.Member;
import dev.hearth.store.campaigns.MemberChange;
import dev.hearth.store.campaigns.Membership;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Campaigns as the API offers them. Transport-free: each operation names the {@link Permission} it
 * needs and asks the {@link AccessPolicy}; it never decides a permission itself. Order of checks:
 * well-formed ids, then the caller's standing (an outsider learns nothing, not even whether the
 * campaign exists), then the permission, then the input, then the store.
 */
public final class Campaigns {

    static final Duration DEFAULT_INVITE_TTL = Duration.ofDays(7);
    static final Duration MAX_INVITE_TTL = Duration.ofDays(30);
    static final int MAX_INVITE_USES = 1000;

    private final CampaignStore store;
    private final AccessPolicy policy;
    private final InstantSource clock;
    private final InviteCodes codes;
    private final Signal<String> membershipChanged = new Signal<>();

    public Campaigns(CampaignStore store, AccessPolicy policy, InstantSource clock, SecureRandom random) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.codes = new InviteCodes(random);
    }

    Outcome<Campaign> create(Account me, CampaignRequests.CreateCampaign r) {
        Optional<Refusal> invalid = Names.check("name", r.name());
        if (invalid.isPresent()) {
            return Outcome.refused(invalid.get());
        }
        Campaign campaign = new Campaign(UUID.randomUUID().toString(), r.name(), me.id(), clock.instant());
        if (!store.create(campaign)) {
            // The account was deleted since its token was checked.
            return Outcome.refused(Refusal.unauthenticated("This account no longer exists."));
        }
        return Outcome.done(campaign);
    }

    /** The store behind, for the real-time engine's membership checks (which answer per message, not per request). */
    public CampaignStore store() {
        return store;
    }

    /** Announces the id of a campaign whose members or roles changed (or which was deleted). */
    public Signal<String> membershipChanged() {
        return membershipChanged;
    }

    List<Membership> mine(Account me) {
        return store.campaignsOf(me.id());
    }

    Outcome<CampaignView> view(Account me, String campaignId) {
        return authorized(me, campaignId, Permission.VIEW_CAMPAIGN, standing -> {
            Optional<Campaign> campaign = store.find(campaignId);
            if (campaign.isEmpty()) {
                return Outcome.refused(Refusal.noSuchCampaign()); // deleted a moment ago
            }
            Optional<List<Invite>> invites = policy.decide(standing, Permission.LIST_INVITES).allowed()
                    ? Optional.of(store.invites(campaignId)) : Optional.empty();
            return Outcome.done(new CampaignView(campaign.get(), standing, store.members(campaignId),
                    store.sessions(campaignId), invites));
        });
    }

    Outcome<String> delete(Account me, String campaignId) {
        return authorized(me, campaignId, Permission.DELETE_CAMPAIGN, standing -> {
            store.delete(campaignId);
            membershipChanged.announce(campaignId);
            return Outcome.done(campaignId);
        });
    }

    Outcome<GameSession> createSession(Account me, String campaignId, CampaignRequests.CreateSession r) {
        return authorized(me, campaignId, Permission.CREATE_SESSION, standing -> {
            Optional<Refusal> invalid = Names.check("name", r.name());
            if (invalid.isPresent()) {
                return Outcome.refused(invalid.get());
            }
            GameSession session = new GameSession(SessionId.random(), campaignId, r.name(), clock.instant());
            return store.createSession(session) ? Outcome.done(session) : Outcome.refused(Refusal.noSuchCampaign());
        });
    }

    Outcome<List<GameSession>> sessions(Account me, String campaignId) {
        return authorized(me, campaignId, Permission.LIST_SESSIONS, standing -> Outcome.done(store.sessions(campaignId)));
    }

    Outcome<CreatedInvite> createInvite(Account me, String campaignId, CampaignRequests.CreateInvite r) {
        return authorized(me, campaignId, Permission.CREATE_INVITE, standing -> {
            Optional<Role> role = Role.byId(r.role());
            if (role.isEmpty()) {
                return Outcome.refused(Refusal.invalid("role", "An invite's role is gm, player or spectator."));
            }
            long ttl = r.expiresInSeconds() == null ? DEFAULT_INVITE_TTL.toSeconds() : r.expiresInSeconds();
            if (ttl < 60 || ttl > MAX_INVITE_TTL.toSeconds()) {
                return Outcome.refused(Refusal.invalid("expiresInSeconds", "An invite lasts from 60 seconds to "
                        + MAX_INVITE_TTL.toSeconds() + " seconds (30 days)."));
            }
            int maxUses = r.maxUses() == null ? 1 : r.maxUses();
            if (maxUses < 1 || maxUses > MAX_INVITE_USES) {
                return Outcome.refused(Refusal.invalid("maxUses", "An invite is used 1 to " + MAX_INVITE_USES + " times."));
            }
            Instant now = clock.instant();
            String code = codes.newCode();
            Invite invite = new Invite(UUID.randomUUID().toString(), campaignId, role.get(), me.id(), now,
                    now.plusSeconds(ttl), maxUses, 0, Optional.empty());
            return store.createInvite(invite, InviteCodes.hash(code))
                    ? Outcome.done(new CreatedInvite(invite, code)) : Outcome.refused(Refusal.noSuchCampaign());
        });
    }

    Outcome<List<Invite>> invites(Account me, String campaignId) {
        return authorized(me, campaignId, Permission.LIST_INVITES, standing -> Outcome.done(store.invites(campaignId)));
    }

    Outcome<String> revokeInvite(Account me, String campaignId, String inviteId) {
        return authorized(me, campaignId, Permission.REVOKE_INVITE, standing -> {
            if (!Ids.wellFormed(inviteId) || !store.revokeInvite(campaignId, inviteId, clock.instant())) {
                return Outcome.refused(Refusal.notFound("This campaign has no invite " + inviteId + "."));
            }
            return Outcome.done(inviteId);
        });
    }

    /** No permission to ask for: the invite is the authority, and a ban the only bar. */
    Outcome<Acceptance> accept(Account me, String code) {
        if (!InviteCodes.wellFormed(code)) {
            return Outcome.refused(unknownInvite());
        }
        Acceptance acceptance = store.accept(InviteCodes.hash(code), me.id(), clock.instant());
        return switch (acceptance) {
            case Acceptance.Joined joined -> {
                membershipChanged.announce(joined.campaignId());
                yield Outcome.done(joined);
            }
            case Acceptance.AlreadyMember member -> Outcome.done(member);
            case Acceptance.Refused refused -> Outcome.refused(switch (refused.reason()) {
                case UNKNOWN -> unknownInvite();
                case EXPIRED -> Refusal.inviteUnusable(410, "This invite has expired; ask a GM for a new one.", "expired");
                case EXHAUSTED -> Refusal.inviteUnusable(410, "This invite has been used up; ask a GM for a new one.",
                        "exhausted");
                case REVOKED -> Refusal.inviteUnusable(410, "This invite was revoked.", "revoked");
                case BANNED -> Refusal.notPermitted("You are banned from this campaign.", Map.of("reason", "banned"));
            });
        };
    }

    Outcome<Member> changeRole(Account me, String campaignId, String userId, CampaignRequests.ChangeRole r) {
        return authorized(me, campaignId, Permission.CHANGE_ROLE, standing -> {
            Optional<Role> role = Role.byId(r.role());
            if (role.isEmpty()) {
                return Outcome.refused(Refusal.invalid("role", "A role is gm, player or spectator."));
            }
            return onMember(standing, campaignId, userId, target -> {
                boolean demotesGm = target.role() == Role.GM && role.get() != Role.GM;
                Optional<Refusal> denied = demotesGm ? denial(standing, Permission.MANAGE_GMS) : Optional.empty();
                if (denied.isPresent()) {
                    return Outcome.refused(denied.get());
                }
                MemberChange change = store.changeRole(campaignId, userId, target.role(), role.get());
                announceIfDone(change, campaignId);
                return refusal(change, userId).<Outcome<Member>>map(Outcome::refused).orElseGet(() ->
                        store.members(campaignId).stream().filter(m -> m.accountId().equals(userId)).findFirst()
                                .<Outcome<Member>>map(Outcome::done)
                                .orElseGet(() -> Outcome.refused(noMember(userId))));
            });
        });
    }

    Outcome<String> remove(Account me, String campaignId, String userId, boolean ban) {
        return authorized(me, campaignId, ban ? Permission.BAN_MEMBER : Permission.REMOVE_MEMBER, standing ->
                onMember(standing, campaignId, userId, target -> {
                    Optional<Refusal> denied = target.role() == Role.GM
                            ? denial(standing, Permission.MANAGE_GMS) : Optional.empty();
                    if (denied.isPresent()) {
                        return Outcome.refused(denied.get());
                    }
                    MemberChange change = store.remove(campaignId, userId, target.role(), ban, clock.instant());
                    announceIfDone(change, campaignId);
                    return refusal(change, userId).<Outcome<String>>map(Outcome::refused)
                            .orElseGet(() -> Outcome.done(userId));
                }));
    }

    Outcome<String> transferOwnership(Account me, String campaignId, CampaignRequests.TransferOwnership r) {
        return authorized(me, campaignId, Permission.TRANSFER_OWNERSHIP, standing -> {
            if (!Ids.wellFormed(r.userId())) {
                return Outcome.refused(Refusal.invalid("userId", "userId is the id of a GM of this campaign."));
            }
            if (r.userId().equals(me.id())) {
                return Outcome.refused(Refusal.invalid("userId", "You own this campaign already."));
            }
            MemberChange change = store.transferOwnership(campaignId, me.id(), r.userId());
            return refusal(change, r.userId()).<Outcome<String>>map(Outcome::refused)
                    .orElseGet(() -> Outcome.done(r.userId()));
        });
    }

    /** Runs {@code then} if {@code me} may do {@code permission} in the campaign. */
    private <T> Outcome<T> authorized(Account me, String campaignId, Permission permission,
            Function<Standing.Member, Outcome<T>> then) {
        if (!Ids.wellFormed(campaignId)) {
            return Outcome.refused(Refusal.invalid("campaignId", "A campaign id is a UUID in lower case."));
        }
        Standing standing = store.standing(campaignId, me.id());
        Optional<Refusal> denied = denial(standing, permission);
        if (denied.isPresent()) {
            return Outcome.refused(denied.get());
        }
        return then.apply((Standing.Member) standing);
    }

    private <T> Outcome<T> onMember(Standing.Member me, String campaignId, String userId,
            Function<Standing.Member, Outcome<T>> then) {
        if (!Ids.wellFormed(userId)) {
            return Outcome.refused(Refusal.invalid("userId", "A user id is a UUID in lower case."));
        }
        return switch (store.standing(campaignId, userId)) {
            case Standing.Outsider outsider -> Outcome.refused(noMember(userId));
            case Standing.Member target -> then.apply(target);
        };
    }

    private Optional<Refusal> denial(Standing standing, Permission permission) {
        return switch (policy.decide(standing, permission)) {
            case Decision.Allowed allowed -> Optional.empty();
            case Decision.Denied denied -> Optional.of(denied.code() == Denial.NOT_A_MEMBER
                    ? Refusal.noSuchCampaign()
                    : Refusal.notPermitted(denied.reason(), Map.of(
                            "permission", permission.name().toLowerCase(Locale.ROOT),
                            "reason", denied.code().name().toLowerCase(Locale.ROOT))));
        };
    }

    private void announceIfDone(MemberChange change, String campaignId) {
        if (change == MemberChange.DONE) {
            membershipChanged.announce(campaignId);
        }
    }

    private static Optional<Refusal> refusal(MemberChange change, String userId) {
        return switch (change) {
            case DONE -> Optional.empty();
            case NOT_A_MEMBER -> Optional.of(noMember(userId));
            case STALE -> Optional.of(Refusal.conflict(
                    "The member or the campaign changed meanwhile; reload and try again.", "stale"));
            case OWNER_STAYS_GM -> Optional.of(Refusal.conflict(
                    "The owner stays a GM of the campaign; transfer ownership to another GM first.", "owner_stays_gm"));
            case NOT_A_GM -> Optional.of(Refusal.conflict(
                    "Ownership goes only to another GM of the campaign; make them a GM first.", "not_a_gm"));
        };
    }

    private static Refusal noMember(String userId) {
        return Refusal.notFound("This campaign has no member " + userId + ".");
    }

    private static Refusal unknownInvite() {
        return Refusal.inviteUnusable(404, "No invite has this code; check the link.", "unknown");
    }
}
