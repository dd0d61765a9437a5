package berth.engine;

import berth.api.model.ContainerUpdateResponse;
import berth.api.model.HostConfig;
import berth.api.model.RestartPolicy;
import berth.core.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * POST /containers/{id}/update: the restart policy and resource limits. Limits are stored (and
 * apply at every start); a running container's cgroup is changed at once with runc update.
 */
final class ContainerUpdater {
  private final EngineContext ctx;

  ContainerUpdater(EngineContext ctx) {
    this.ctx = ctx;
  }

  ContainerUpdateResponse update(String ref, HostConfig u) {
    Container c = ctx.registry().resolve(ref);
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      HostConfig.Builder b = r.hostConfig().toBuilder();
      boolean resources = applyResources(u, b);
      boolean live = resources && (r.state().status() == ContainerStatus.RUNNING
          || r.state().status() == ContainerStatus.PAUSED);
      if (u.restartPolicy() != null && u.restartPolicy().name() != null && !u.restartPolicy().name().isEmpty()) {
        if (Boolean.TRUE.equals(r.hostConfig().autoRemove()) && !u.restartPolicy().effectiveName().equals("no")) {
          throw new InvalidArgument("Restart policy cannot be updated because AutoRemove is enabled for the container");
        }
        RestartPolicy p = new RestartPolicy(u.restartPolicy().name(),
            u.restartPolicy().maximumRetryCount() == null ? 0 : u.restartPolicy().maximumRetryCount());
        b.restartPolicy(p);
      }
      HostConfig updated = b.build();
      HostConfigValidator.validate(r.config(), updated, null);
      if (live) {
        RuncUpdate.apply(ctx.config().execRoot(), r.id(),
            SpecBuilder.resources(updated, ContainerStarter.swapLimitSupported()));
      }
      ContainerRecord nr = r.withHostConfig(updated);
      c.update(nr);
      ctx.store().put(nr);
      ctx.events().container(nr, "update", Map.of());
      return new ContainerUpdateResponse(List.of());
    } finally {
      c.lock.unlock();
    }
  }

  /** Copies the resource fields the update carries; true when any was given. */
  private static boolean applyResources(HostConfig u, HostConfig.Builder b) {
    List<Boolean> set = new ArrayList<>();
    set.add(copy(u.memory(), b::memory));
    set.add(copy(u.memorySwap(), b::memorySwap));
    set.add(copy(u.memoryReservation(), b::memoryReservation));
    set.add(copy(u.cpuShares(), b::cpuShares));
    set.add(copy(u.cpuPeriod(), b::cpuPeriod));
    set.add(copy(u.cpuQuota(), b::cpuQuota));
    set.add(copy(u.nanoCpus(), b::nanoCpus));
    set.add(copy(u.cpusetCpus(), b::cpusetCpus));
    set.add(copy(u.cpusetMems(), b::cpusetMems));
    set.add(copy(u.pidsLimit(), b::pidsLimit));
    set.add(copy(u.blkioWeight(), b::blkioWeight));
    return set.contains(true);
  }

  private static <T> boolean copy(T v, java.util.function.Consumer<T> setter) {
    if (v == null || v instanceof Number n && n.longValue() == 0 || v instanceof String s && s.isEmpty()) {
      return false;
    }
    setter.accept(v);
    return true;
  }
}
