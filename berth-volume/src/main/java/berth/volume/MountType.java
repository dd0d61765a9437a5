package berth.volume;

/** Docker's mount types, spelled as on the wire. */
public enum MountType {
  BIND("bind"), VOLUME("volume"), TMPFS("tmpfs");

  private final String wire;

  MountType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The type for a wire name, or null when Docker would call it unknown. */
  public static MountType fromWire(String s) {
    for (MountType t : values()) {
      if (t.wire.equals(s)) {
        return t;
      }
    }
    return null;
  }
}
