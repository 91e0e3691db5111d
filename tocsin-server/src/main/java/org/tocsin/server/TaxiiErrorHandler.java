package org.tocsin.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers as TAXII error messages: what Jetty refuses before any route runs (a request line or
 * path it cannot read, a %00, a URI or headers too long, a bad Content-Length) would otherwise get an HTML page.
 * Installed on the server and on the servlet context, so no error leaves as anything but
 * {@code application/taxii+json;version=2.1}.
 */
final class TaxiiErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String message = (String) request.getAttribute(ERROR_MESSAGE);
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException e) {
            status = e.getCode();
            message = message == null ? e.getReason() : message;
        }
        if (status < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR_500; // an error handled without an error status: a failure
        }
        response.setStatus(status);
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaTypes.TAXII);
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        String reason = HttpStatus.getMessage(status);
        String detail = message == null || message.equals(reason) ? "" : ": " + cut(message);
        TaxiiError error = new TaxiiError(status, reason, (status < 500 ? "The server could not accept this request"
                : "The server could not answer") + detail + ".");
        try {
            response.write(true, ByteBuffer.wrap(TaxiiResources.JSON.writeValueAsBytes(TaxiiResources.error(error))), callback);
        } catch (JsonProcessingException e) {
            callback.failed(e);
        }
        return true;
    }

    /** Jetty's reasons are short; a long one is not worth echoing whole. */
    private static String cut(String message) {
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }
}
