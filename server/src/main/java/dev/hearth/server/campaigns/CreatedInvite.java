package dev.hearth.server.campaigns;

import dev.hearth.store.campaigns.Invite;

/** A new invite with its code: the only time the code is known to the server, and shown. */
record CreatedInvite(Invite invite, String code) {}
