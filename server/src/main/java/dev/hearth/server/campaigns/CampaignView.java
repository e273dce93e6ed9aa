package dev.hearth.server.campaigns;

import dev.hearth.core.access.Standing;
import dev.hearth.store.campaigns.Campaign;
import dev.hearth.store.campaigns.GameSession;
import dev.hearth.store.campaigns.Invite;
import dev.hearth.store.campaigns.Member;
import java.util.List;
import java.util.Optional;

/** A campaign as one member sees it: invites only when the policy lets that member list them. */
record CampaignView(Campaign campaign, Standing.Member me, List<Member> members, List<GameSession> sessions,
        Optional<List<Invite>> invites) {}
