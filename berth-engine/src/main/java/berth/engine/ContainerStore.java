package berth.engine;

import java.util.List;
import java.util.Optional;

/**
 * Durable container records. Each put replaces the record in one transaction, so after a crash
 * a container is either as it was or as it became, never half-written. Names are unique.
 */
public interface ContainerStore extends AutoCloseable {
  /** Inserts or replaces; {@code Conflict} when another container holds the name. */
  void put(ContainerRecord record);

  void delete(String id);

  Optional<ContainerRecord> get(String id);

  List<ContainerRecord> list();

  /** A daemon-wide setting kept beside the records (the engine's ID). */
  Optional<String> meta(String key);

  void putMeta(String key, String value);

  @Override
  void close();
}
