package berth.engine;

class InMemoryContainerStoreTest extends ContainerStoreContract {
  @Override
  ContainerStore store() {
    return new InMemoryContainerStore();
  }
}
