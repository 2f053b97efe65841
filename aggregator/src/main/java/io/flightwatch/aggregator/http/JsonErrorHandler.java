package io.flightwatch.aggregator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flightwatch.common.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own errors (a malformed request line, a bad URI, headers too large) as the API's JSON error with the security
 * headers, instead of Jetty's HTML page: {@code {"status": 400, "error": "Bad Request"}}.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
      HttpServletResponse response, int code, String message) throws IOException {
    SecurityHeaders.ALL.forEach(response::setHeader);
    response.setContentType("application/json;charset=utf-8");
    byte[] body = body(code, message);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    baseRequest.setHandled(true);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    SecurityHeaders.ALL.forEach((k, v) -> fields.put(new HttpField(k, v)));
    fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    return ByteBuffer.wrap(body(status, reason));
  }

  private static byte[] body(int status, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("error", message == null || message.isBlank() ? "HTTP " + status : message);
    try {
      return Json.MAPPER.writeValueAsString(m).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
    }
  }
}
