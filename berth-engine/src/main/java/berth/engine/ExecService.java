package berth.engine;

import berth.api.model.ExecConfig;
import berth.api.model.ExecInspect;
import berth.api.model.ExecStartConfig;
import berth.api.model.IdResponse;

/** Exec instances: create in a running container, start (attached or detached), resize, inspect. */
public interface ExecService {
  /** 409 "Container x is not running" when it is not running; NotFound when it does not exist. */
  IdResponse create(String containerRef, ExecConfig config);

  /**
   * Starts the exec. Attached: the session's frames are the process's output and end when it
   * exits. Detached ({@code config.Detach}): returns once the process runs, with a stream that
   * is already at its end.
   */
  AttachStream start(String execId, ExecStartConfig config);

  void resize(String execId, int height, int width);

  ExecInspect inspect(String execId);
}
