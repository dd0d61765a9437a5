package berth.engine;

import berth.api.model.ContainerConfig;
import berth.api.model.HealthConfig;
import berth.image.ImageConfig;

/** Converts between the image config of the storage module and the wire ContainerConfig. */
final class ImageConfigs {
  private ImageConfigs() {}

  static ContainerConfig toWire(ImageConfig i) {
    ImageConfig c = i == null ? ImageConfig.empty() : i;
    ImageConfig.Healthcheck h = c.healthcheck();
    return ContainerConfig.builder().hostname(c.hostname()).domainname(c.domainname()).user(c.user())
        .attachStdin(c.attachStdin()).attachStdout(c.attachStdout()).attachStderr(c.attachStderr())
        .exposedPorts(c.exposedPorts()).tty(c.tty()).openStdin(c.openStdin()).stdinOnce(c.stdinOnce())
        .env(c.env()).cmd(c.cmd())
        .healthcheck(h == null ? null : new HealthConfig(h.test(), h.interval(), h.timeout(), h.retries(),
            h.startPeriod(), h.startInterval()))
        .argsEscaped(c.argsEscaped()).image(c.image()).volumes(c.volumes()).workingDir(c.workingDir())
        .entrypoint(c.entrypoint()).onBuild(c.onBuild()).labels(c.labels()).stopSignal(c.stopSignal())
        .shell(c.shell()).build();
  }

  static ImageConfig toImage(ContainerConfig c) {
    HealthConfig h = c.healthcheck();
    return new ImageConfig(c.hostname(), c.domainname(), c.user(), c.attachStdin(), c.attachStdout(),
        c.attachStderr(), c.exposedPorts(), c.tty(), c.openStdin(), c.stdinOnce(), c.env(), c.cmd(),
        h == null ? null : new ImageConfig.Healthcheck(h.test(), h.interval(), h.timeout(), h.startPeriod(),
            h.startInterval(), h.retries()),
        c.argsEscaped(), c.image(), c.volumes(), c.workingDir(), c.entrypoint(), c.onBuild(), c.labels(),
        c.stopSignal(), c.shell());
  }

  /** Wire config with Docker's zero values, as image inspect shows it. */
  static ContainerConfig forInspect(ImageConfig i) {
    ContainerConfig c = toWire(i);
    ContainerConfig.Builder b = ConfigMerger.withDefaults(c, "").toBuilder();
    if (b.labels() != null && b.labels().isEmpty() && (i == null || i.labels() == null)) {
      b.labels(null);
    }
    return b.build();
  }
}
