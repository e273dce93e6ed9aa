package dev.hearth.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code auth.mode=local}: allowed on loopback hosts only, refused on any host other machines can reach. */
class LocalModeConfigTest {

    private static EffectiveConfig load(String host) {
        return new ConfigLoader(Map.of()).load(Optional.empty(), List.of(
                new RawSetting("auth.mode", "local", new ConfigOrigin.Flag("--local")),
                new RawSetting("server.host", host, new ConfigOrigin.Flag("--host"))));
    }

    @Test
    void accounts_is_the_default_mode() {
        assertThat(HearthConfig.defaults().auth().mode()).isEqualTo(AuthMode.ACCOUNTS);
    }

    @Test
    void local_mode_keeps_the_default_host_127_0_0_1() {
        EffectiveConfig config = new ConfigLoader(Map.of("HEARTH_AUTH_MODE", "local")).load(Optional.empty(), List.of());

        assertThat(config.config().auth().mode()).isEqualTo(AuthMode.LOCAL);
        assertThat(config.config().server().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void local_mode_accepts_loopback_hosts_ipv4_ipv6_and_localhost() {
        for (String host : List.of("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost")) {
            assertThat(load(host).config().server().host()).as(host).isEqualTo(host);
        }
    }

    @Test
    void local_mode_refuses_wildcards_and_lan_addresses_naming_the_problem_and_the_fix() {
        for (String host : List.of("0.0.0.0", "::", "[::]", "192.168.1.20", "10.0.0.5", "fe80::1", "2001:db8::1")) {
            assertThatThrownBy(() -> load(host)).as(host)
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("server.host = \"" + host + "\" (flag --host) is not a loopback address")
                    .hasMessageContaining("local mode (--local, auth.mode=local) has no login")
                    .hasMessageContaining("--host 127.0.0.1");
        }
    }

    @Test
    void accounts_mode_still_listens_on_every_interface_when_asked() {
        EffectiveConfig config = new ConfigLoader(Map.of()).load(Optional.empty(),
                List.of(new RawSetting("server.host", "0.0.0.0", new ConfigOrigin.Flag("--host"))));

        assertThat(config.config().server().host()).isEqualTo("0.0.0.0");
    }

    @Test
    void a_name_is_loopback_only_if_every_address_it_resolves_to_is() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InetAddress lan = InetAddress.getByName("192.168.1.20");
        InetAddress lanV6 = InetAddress.getByName("2001:db8::7");
        LoopbackHost hosts = new LoopbackHost(name -> switch (name) {
            case "me.test" -> new InetAddress[] {loopback};
            case "table.lan" -> new InetAddress[] {lan};
            case "table6.lan" -> new InetAddress[] {lanV6};
            case "both.lan" -> new InetAddress[] {loopback, lan};
            default -> throw new UnknownHostException(name);
        });

        assertThat(hosts.isLoopback("me.test")).isTrue();
        assertThat(hosts.isLoopback("table.lan")).isFalse();
        assertThat(hosts.isLoopback("table6.lan")).isFalse();
        assertThat(hosts.isLoopback("both.lan")).isFalse();
        assertThat(hosts.isLoopback("unknown.lan")).isFalse();
    }
}
