package dev.hearth.bench.load;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The baseline: a raw Jetty WebSocket broadcast relay, with no authentication, no store and no game
 * logic. Every text frame a connection of {@code /relay/{room}} sends is written, as it is, to every
 * connection of that room, the sender's included. It runs in a JVM of its own, like Hearth, so the
 * load generator drives both the same way and Hearth's figures can be stated as a share of what the
 * transport alone manages on the same machine in the same run.
 *
 * <p>Writes are Jetty's own asynchronous sends: its frame flusher queues and gathers them, which is
 * the cheapest a relay on this transport can be.
 */
public final class RelayServer {

    private final Map<String, Set<Session>> rooms = new ConcurrentHashMap<>();
    private final Server server = new Server();

    private RelayServer(int port) {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setAcceptQueueSize(4096); // a burst of thousands of connections must queue, not be refused
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        context.setHandler(WebSocketUpgradeHandler.from(server, context, container -> {
            container.setIdleTimeout(Duration.ofHours(1));
            container.setMaxTextMessageSize(65_536);
            container.addMapping("/relay/*", (request, response, callback) -> {
                String path = request.getHttpURI().getPath();
                return new Member(rooms, path.substring(path.lastIndexOf('/') + 1));
            });
        }));
        server.setHandler(context);
    }

    /** {@code RelayServer PORT}: serves until killed; prints {@code relay ready} once it listens. */
    public static void main(String[] args) throws Exception {
        RelayServer relay = new RelayServer(Integer.parseInt(args[0]));
        relay.server.start();
        System.out.println("relay ready on port " + args[0]);
        relay.server.join();
    }

    /** One connection. Public: Jetty binds its callbacks by method handles, which need access. */
    public static final class Member implements Session.Listener.AutoDemanding {
        private final Map<String, Set<Session>> rooms;
        private final String room;
        private Session session;

        Member(Map<String, Set<Session>> rooms, String room) {
            this.rooms = rooms;
            this.room = room;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
            rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
        }

        @Override
        public void onWebSocketText(String frame) {
            for (Session peer : rooms.getOrDefault(room, Set.of())) {
                peer.sendText(frame, Callback.NOOP);
            }
        }

        @Override
        public void onWebSocketClose(int status, String reason) {
            Set<Session> members = rooms.get(room);
            if (members != null) {
                members.remove(session);
            }
        }
    }
}
