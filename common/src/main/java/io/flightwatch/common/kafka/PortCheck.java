package io.flightwatch.common.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a port can be listened on, asked before anything starts, so a clash is one line and not a stack trace. */
public final class PortCheck {

  private PortCheck() {}

  /** Null when {@code host:port} is free (or the port is 0, any free port), else why not. */
  public static String problem(String host, int port) {
    if (port == 0) {
      return null;
    }
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      return null;
    } catch (IOException e) {
      return "port " + port + " on " + host + " is in use or not allowed (" + e.getMessage() + ")";
    }
  }
}
