package berth.engine;

import berth.core.errors.Conflict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ContainerStore} in memory, for tests and for engines that need no persistence. */
public final class InMemoryContainerStore implements ContainerStore {
  private final Map<String, ContainerRecord> records = new ConcurrentHashMap<>();
  private final Map<String, String> meta = new ConcurrentHashMap<>();

  @Override
  public synchronized void put(ContainerRecord r) {
    for (ContainerRecord o : records.values()) {
      if (!o.id().equals(r.id()) && o.name().equals(r.name())) {
        throw new Conflict("Conflict. The container name \"" + r.name() + "\" is already in use.");
      }
    }
    records.put(r.id(), r);
  }

  @Override
  public void delete(String id) {
    records.remove(id);
  }

  @Override
  public Optional<ContainerRecord> get(String id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public List<ContainerRecord> list() {
    return new ArrayList<>(records.values());
  }

  @Override
  public Optional<String> meta(String key) {
    return Optional.ofNullable(meta.get(key));
  }

  @Override
  public void putMeta(String key, String value) {
    meta.put(key, value);
  }

  @Override
  public void close() {}
}
