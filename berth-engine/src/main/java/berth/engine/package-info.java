/**
 * The engine's services (containers, execs, images, system, events) that the API calls, one
 * method per request, taking and returning the wire records of {@code berth.api.model}, and their
 * implementation over storage and the runtime driver. Never speaks HTTP; never mounts or runs
 * anything except through {@link berth.engine.RootfsMounter} and the runtime driver.
 *
 * <p>Where things live: {@link berth.engine.Engine} wires the parts; container state is
 * {@link berth.engine.ContainerRecord} in a {@link berth.engine.ContainerStore} (SQLite), live
 * handles in {@link berth.engine.ContainerRegistry}. Requests go through
 * {@code EngineContainerService} to one class each: {@code ContainerCreator} (create, config
 * merge via {@link berth.engine.ConfigMerger}, {@link berth.engine.HostConfigValidator}),
 * {@code ContainerLifecycle} (start/stop/kill/restart/pause/rename/wait), {@code ContainerStarter}
 * (rootfs, {@link berth.engine.SpecBuilder}, runtime create/start), {@code ExitHandler} (exits,
 * restart policies, AutoRemove), {@code ContainerRemover}, {@code ContainerViews} (inspect/ps),
 * {@code LogStreams}, {@code ContainerAttach}, {@code ProcessTable} (top), {@code StatsSource},
 * {@code ContainerUpdater}, {@code ContainerChanges}, {@code ContainerFilesystem} (export and
 * archive); {@code ExecManager}, {@code EngineImageService}, {@code EngineSystemService},
 * {@link berth.engine.EventBus}, {@code HealthMonitor} and {@code Recovery} (start-up).
 * Networking goes only through {@code ContainerNetworking} (the seam over berth-network's
 * NetworkService: validate at create, attach at start, detach on exit, recover at open) and
 * {@link berth.engine.EngineNetworks} (the API's /networks service).
 * Lock order: a container's lock before anything else; never two containers' locks at once.
 */
package berth.engine;
