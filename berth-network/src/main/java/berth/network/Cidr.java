package berth.network;

import berth.core.errors.InvalidArgument;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IP prefix such as {@code 10.88.0.0/24}, IPv4 or IPv6, held as its network address (host bits
 * cleared) and prefix length. Addresses are handled as unsigned integers so pools can be walked
 * with plain arithmetic.
 */
public record Cidr(BigInteger base, int prefix, int bits) {
  private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");
  // InetAddress also takes inet_aton's short forms ("10.1" = 10.0.0.1); Docker (Go) does not.
  private static final Pattern DOTTED_QUAD = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  /** Parses {@code a.b.c.d/n} or an IPv6 prefix; host bits are cleared, as Docker does. */
  public static Cidr parse(String s) {
    int slash = s == null ? -1 : s.indexOf('/');
    if (slash < 0) {
      throw new InvalidArgument("invalid CIDR address: " + s);
    }
    InetAddress a;
    int p;
    try {
      a = address(s.substring(0, slash));
      p = Integer.parseInt(s.substring(slash + 1));
    } catch (RuntimeException e) {
      throw new InvalidArgument("invalid CIDR address: " + s);
    }
    int bits = a.getAddress().length * 8;
    if (p < 0 || p > bits) {
      throw new InvalidArgument("invalid CIDR address: " + s);
    }
    return new Cidr(toInt(a).and(mask(p, bits)), p, bits);
  }

  /** Parses an IP literal without ever doing a name lookup. */
  public static InetAddress address(String s) {
    if (s == null || s.isEmpty() || !LITERAL.matcher(s).matches()
        || (s.indexOf(':') < 0 && !DOTTED_QUAD.matcher(s).matches())) {
      throw new InvalidArgument("invalid IP address: " + s);
    }
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      throw new InvalidArgument("invalid IP address: " + s);
    }
  }

  public static BigInteger toInt(InetAddress a) {
    return new BigInteger(1, a.getAddress());
  }

  public InetAddress toAddress(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[bits / 8];
    int n = Math.min(raw.length, out.length);
    System.arraycopy(raw, raw.length - n, out, out.length - n, n);
    try {
      return InetAddress.getByAddress(out);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger mask(int prefix, int bits) {
    return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
        .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
  }

  public boolean isIpv4() {
    return bits == 32;
  }

  public BigInteger size() {
    return BigInteger.ONE.shiftLeft(bits - prefix);
  }

  public BigInteger last() {
    return base.add(size()).subtract(BigInteger.ONE);
  }

  public boolean contains(InetAddress a) {
    if (a.getAddress().length * 8 != bits) {
      return false;
    }
    BigInteger v = toInt(a);
    return v.compareTo(base) >= 0 && v.compareTo(last()) <= 0;
  }

  public boolean contains(Cidr other) {
    return other.bits == bits && other.prefix >= prefix
        && other.base.compareTo(base) >= 0 && other.last().compareTo(last()) <= 0;
  }

  public boolean overlaps(Cidr other) {
    return contains(other) || other.contains(this);
  }

  /** The address {@code offset} places after the network address. */
  public InetAddress at(long offset) {
    return toAddress(base.add(BigInteger.valueOf(offset)));
  }

  /** The next prefix of the same length after this one, or null past the address space. */
  public Cidr next() {
    BigInteger n = base.add(size());
    return n.bitLength() > bits ? null : new Cidr(n, prefix, bits);
  }

  @Override
  public String toString() {
    return format(toAddress(base)) + "/" + prefix;
  }

  /** An address as Go prints it: IPv6 in its shortest form, the longest run of zero groups as "::". */
  public static String format(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length == 4) {
      return a.getHostAddress();
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestLen < 2) {
      bestStart = -1;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
