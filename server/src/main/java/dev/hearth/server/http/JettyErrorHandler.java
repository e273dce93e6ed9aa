package dev.hearth.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The error shape for what Jetty rejects before a request reaches Javalin (headers too large, a
 * malformed request line, an ambiguous URI): Jetty's own page would otherwise be HTML.
 */
public final class JettyErrorHandler extends ErrorHandler {

    private final ObjectMapper json;

    public JettyErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        // An HttpException's reason is written for clients; any other cause's text is an internal detail.
        String text = cause == null || cause instanceof HttpException ? message : HttpStatus.getMessage(code);
        byte[] body = json.writeValueAsBytes(ErrorBody.of(ErrorCode.forStatus(code),
                text == null || text.isBlank() ? HttpStatus.getMessage(code) : text));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
