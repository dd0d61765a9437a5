package berth.api;

import berth.engine.ContainerService;
import berth.engine.EventService;
import berth.engine.ExecService;
import berth.engine.ImageService;
import berth.engine.SystemService;

/** The engine services the API serves; tests pass fakes. */
public record Services(
    ContainerService containers, ExecService execs, ImageService images, SystemService system, EventService events) {}
