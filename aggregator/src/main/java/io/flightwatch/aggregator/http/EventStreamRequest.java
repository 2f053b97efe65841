package io.flightwatch.aggregator.http;

import io.javalin.http.Context;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/** A request as if it asked for {@code text/event-stream}, so Javalin's SSE handler serves it whatever it accepts. */
final class EventStreamRequest {

  private EventStreamRequest() {}

  static Context of(Context ctx) {
    return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
        (proxy, method, args) -> {
          if (method.getName().equals("header") && args != null && args.length == 1
              && "Accept".equalsIgnoreCase(String.valueOf(args[0]))) {
            return "text/event-stream";
          }
          try {
            return method.invoke(ctx, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
