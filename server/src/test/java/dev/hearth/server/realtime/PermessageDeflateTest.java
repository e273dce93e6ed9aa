package dev.hearth.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket upgrade negotiates permessage-deflate when the client offers it (browsers always do). */
class PermessageDeflateTest {

    @TempDir
    Path dir;

    @Test
    void the_upgrade_accepts_permessage_deflate() throws Exception {
        try (TestTable table = TestTable.start(dir)) {
            assertThat(upgrade(table, "permessage-deflate; client_max_window_bits")).anySatisfy(h ->
                    assertThat(h.toLowerCase()).startsWith("sec-websocket-extensions: permessage-deflate"));
            assertThat(upgrade(table, null)).noneSatisfy(h ->
                    assertThat(h.toLowerCase()).startsWith("sec-websocket-extensions"));
        }
    }

    /** A raw HTTP/1.1 upgrade (the JDK client cannot offer extensions); answers the response's header lines. */
    private static List<String> upgrade(TestTable table, String extensions) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", table.port())) {
            String key = Base64.getEncoder().encodeToString("hearth-test-key!".getBytes(StandardCharsets.US_ASCII));
            String request = "GET " + table.sessionPath() + " HTTP/1.1\r\nHost: 127.0.0.1:" + table.port()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                    + "\r\nSec-WebSocket-Version: 13\r\n"
                    + (extensions == null ? "" : "Sec-WebSocket-Extensions: " + extensions + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> lines = new ArrayList<>();
            String status = in.readLine();
            assertThat(status).startsWith("HTTP/1.1 101");
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                lines.add(line);
            }
            return lines;
        }
    }
}
