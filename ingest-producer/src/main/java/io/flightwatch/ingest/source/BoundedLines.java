package io.flightwatch.ingest.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads '\n'-terminated lines as bytes without ever holding more than {@code maxBytes} of one line: an oversized line
 * is drained and reported as {@link Line#tooLarge()} instead of being buffered whole.
 */
final class BoundedLines {

  record Line(int number, byte[] bytes, boolean tooLarge, long length) {}

  private final InputStream in;
  private final int maxBytes;
  private int number;

  BoundedLines(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line (without '\n' or '\r\n'), or null at the end of the stream. */
  Line next() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
    long length = 0;
    boolean any = false;
    int b;
    while ((b = in.read()) != -1) {
      any = true;
      if (b == '\n') {
        break;
      }
      length++;
      if (length <= maxBytes) {
        buf.write(b);
      }
    }
    if (!any) {
      return null;
    }
    number++;
    byte[] bytes = buf.toByteArray();
    if (length <= maxBytes && bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    }
    return new Line(number, length > maxBytes ? new byte[0] : bytes, length > maxBytes, length);
  }
}
