package berth.cli.template;

import java.util.List;

/**
 * A context value called with arguments, like a Go method: {@code {{.Label "com.example"}}}.
 * Left out of {@code {{json .}}}, as Go's JSON encoding leaves out methods.
 */
@FunctionalInterface
public interface Method {
  Object call(List<Object> args);
}
