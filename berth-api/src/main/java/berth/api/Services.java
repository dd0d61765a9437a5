package berth.api;

import berth.api.http.Router;
import berth.engine.ContainerService;
import berth.engine.EventService;
import berth.engine.ExecService;
import berth.engine.ImageService;
import berth.engine.SystemService;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine services the API serves; tests pass fakes. {@code more} registers the routes of the
 * capabilities that live in their own modules (networks, volumes, build, distribution): each is
 * registered before the built-in fallbacks, and the first route matching a request wins.
 */
public record Services(
    ContainerService containers, ExecService execs, ImageService images, SystemService system, EventService events,
    List<Consumer<Router>> more) {

  public Services {
    more = more == null ? List.of() : List.copyOf(more);
  }

  public Services(ContainerService containers, ExecService execs, ImageService images, SystemService system,
      EventService events) {
    this(containers, execs, images, system, events, List.of());
  }
}
