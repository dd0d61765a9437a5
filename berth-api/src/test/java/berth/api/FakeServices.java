package berth.api;

import berth.engine.ContainerService;
import berth.engine.EventService;
import berth.engine.ExecService;
import berth.engine.ImageService;
import berth.engine.SystemService;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Fake engine services built as proxies: each call's arguments are kept in {@link #lastArgs} by
 * method name, and its answer comes from {@link #answer} (null, false or 0 when none is given).
 */
final class FakeServices {
  final Map<String, Object[]> lastArgs = new ConcurrentHashMap<>();
  private final Map<String, Function<Object[], Object>> answers = new ConcurrentHashMap<>();

  FakeServices() {
    answer("ping", a -> new SystemService.Ping("1.47", "linux", false, "1"));
    answer("version", a -> new berth.api.model.Version(null, java.util.List.of(), "27.5.1-test", "1.47", "1.24", null,
        null, "linux", "amd64", null, null, null));
  }

  FakeServices answer(String method, Function<Object[], Object> answer) {
    answers.put(method, answer);
    return this;
  }

  Services services() {
    return new Services(fake(ContainerService.class), fake(ExecService.class), fake(ImageService.class),
        fake(SystemService.class), fake(EventService.class));
  }

  private <T> T fake(Class<T> type) {
    InvocationHandler h = (self, m, args) -> {
      if (m.getDeclaringClass() == Object.class) {
        return switch (m.getName()) {
          case "hashCode" -> System.identityHashCode(self);
          case "equals" -> self == args[0];
          default -> type.getSimpleName() + " fake";
        };
      }
      Object[] a = args == null ? new Object[0] : args;
      lastArgs.put(m.getName(), a);
      Function<Object[], Object> answer = answers.get(m.getName());
      if (answer != null) {
        return answer.apply(a);
      }
      Class<?> r = m.getReturnType();
      if (r == boolean.class) {
        return false;
      }
      if (r == int.class) {
        return 0;
      }
      if (r == long.class) {
        return 0L;
      }
      return null;
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
  }
}
