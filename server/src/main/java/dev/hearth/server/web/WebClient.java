package dev.hearth.server.web;

import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Serves the browser client that the {@code web} module builds into {@code /web} on the classpath.
 *
 * <p>Vite names every asset by its content hash, so {@code /assets/*} is cached for a year and
 * marked immutable; {@code index.html} (and every page path of the client's router, which all answer
 * it) is revalidated on each load so a deploy takes effect at once. Every HTML answer carries a strict
 * Content-Security-Policy: only our own scripts, styles and connections, no inline code, no framing.
 * The files are read once at start and kept in memory with their gzip form (the client is small).
 */
public final class WebClient {

    /** The page paths of the client's router (web/src/lib/routes.ts): each answers index.html. */
    public static final List<String> PAGES = List.of(
            "/", "/signin", "/signup", "/campaigns", "/campaigns/{id}", "/invite/{code}", "/play/{sessionId}");

    static final String CSP = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";

    private final Map<String, StaticFile> files;

    private WebClient(Map<String, StaticFile> files) {
        this.files = Map.copyOf(files);
    }

    /** The client on this class loader's classpath, or none when the server was built without it. */
    public static Optional<WebClient> fromClasspath() {
        URL index = WebClient.class.getResource("/web/index.html");
        if (index == null) {
            return Optional.empty();
        }
        try {
            Path root = rootOf(index);
            Map<String, StaticFile> files = new HashMap<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String name = "/" + root.relativize(file).toString().replace('\\', '/');
                    files.put(name, StaticFile.of(name, Files.readAllBytes(file)));
                }
            }
            return Optional.of(new WebClient(files));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web client from the classpath", e);
        }
    }

    private static Path rootOf(URL index) throws IOException {
        try {
            if ("jar".equals(index.getProtocol())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(index.toURI(), Map.of());
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(index.toURI());
                }
                return jar.getPath("/web");
            }
            return Path.of(index.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IOException("bad classpath URL " + index, e);
        }
    }

    public void addTo(RoutesConfig routes) {
        for (String page : PAGES) {
            routes.get(page, this::page);
        }
        routes.get("/assets/<file>", ctx -> serve(ctx, "/assets/" + ctx.pathParam("file"), IMMUTABLE));
        for (String name : files.keySet()) {
            if (!name.startsWith("/assets/") && !name.equals("/index.html")) {
                routes.get(name, ctx -> serve(ctx, name, REVALIDATE)); // favicon, robots.txt, manifest
            }
        }
    }

    /**
     * Answers a browser's GET for an unknown address with the app and status 404, so the app shows its
     * own page; false (nothing sent) for API paths and for clients that do not ask for HTML.
     */
    public boolean notFoundPage(Context ctx) {
        String accept = ctx.header("Accept");
        String path = ctx.path();
        if (!"GET".equals(ctx.method().name()) || accept == null || !accept.contains("text/html")
                || NOT_PAGES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        serve(ctx, "/index.html", REVALIDATE);
        ctx.status(404);
        return true;
    }

    /** Paths that are never the client's pages: their unknown addresses stay JSON errors. */
    private static final List<String> NOT_PAGES = List.of("/api/", "/ws/", "/sse/", "/assets/", "/.well-known/",
            "/metrics", "/health", "/ready");

    private void page(Context ctx) {
        serve(ctx, "/index.html", REVALIDATE);
    }

    private void serve(Context ctx, String name, String cacheControl) {
        StaticFile file = files.get(name);
        if (file == null || name.contains("..")) {
            ctx.status(404).json(ErrorBody.of(ErrorCode.E006, "Nothing here: GET " + ctx.path()));
            return;
        }
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", file.etag());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Vary", "Accept-Encoding");
        if (file.contentType().startsWith("text/html")) {
            ctx.header("Content-Security-Policy", CSP);
            // Invite codes travel in page URLs: never hand them to another site as a referrer.
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
        }
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(file.contentType());
        String accept = ctx.header("Accept-Encoding");
        if (accept != null && accept.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(file.gzipped());
        } else {
            ctx.result(file.bytes());
        }
    }
}
