package dev.hearth.server.auth;

/** The JSON bodies the account endpoints take; any other field is refused. */
final class Requests {

    private Requests() {}

    record Register(String username, String displayName, String password) {}

    record Login(String username, String password) {}

    record ChangePassword(String currentPassword, String newPassword) {}

    record DeleteAccount(String password) {}
}
