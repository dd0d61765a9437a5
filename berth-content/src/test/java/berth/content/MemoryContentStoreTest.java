package berth.content;

class MemoryContentStoreTest extends ContentStoreContract {
  @Override
  protected ContentStore newStore() {
    return new MemoryContentStore();
  }
}
