package dev.hearth.server.campaigns;

/** The JSON bodies the campaign endpoints take; any other field is refused. */
final class CampaignRequests {

    private CampaignRequests() {}

    record CreateCampaign(String name) {}

    record CreateSession(String name) {}

    /** {@code expiresInSeconds} and {@code maxUses} are optional (defaults in {@link Campaigns}). */
    record CreateInvite(String role, Long expiresInSeconds, Integer maxUses) {}

    record ChangeRole(String role) {}

    record TransferOwnership(String userId) {}
}
