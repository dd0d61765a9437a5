package berth.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Sizes as docker's go-units writes and reads them: {@code HumanSize} (decimal, "4.26MB"),
 * {@code BytesSize} (binary, "1.5MiB"), and {@code RAMInBytes} ("512m", "1g": binary multipliers).
 */
public final class Units {
  private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

  private Units() {}

  /** {@code units.HumanSizeWithPrecision(size, precision)}: "%.{p}g" plus a decimal unit. */
  public static String humanSize(double size, int precision) {
    int i = 0;
    while (size >= 1000.0 && i < DECIMAL.length - 1) {
      size /= 1000.0;
      i++;
    }
    return goG(size, precision) + DECIMAL[i];
  }

  /** {@code units.HumanSize}: precision 4, as {@code docker system df} uses. */
  public static String humanSize(double size) {
    return humanSize(size, 4);
  }

  /** {@code units.BytesSize}: "%.4g" plus a binary unit, as {@code docker stats} uses. */
  public static String bytesSize(double size) {
    int i = 0;
    while (size >= 1024.0 && i < BINARY.length - 1) {
      size /= 1024.0;
      i++;
    }
    return goG(size, 4) + BINARY[i];
  }

  /** Go's {@code %.Ng}: N significant digits, trailing zeros dropped. */
  static String goG(double v, int precision) {
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    d = d.stripTrailingZeros();
    if (d.precision() - d.scale() > precision) {
      // Go switches to exponent form when the exponent reaches the precision
      String mant = d.movePointLeft(d.precision() - d.scale() - 1).stripTrailingZeros().toPlainString();
      int exp = d.precision() - d.scale() - 1;
      return mant + "e+" + (exp < 10 ? "0" : "") + exp;
    }
    return d.toPlainString();
  }

  /**
   * {@code units.RAMInBytes}: a number with an optional binary suffix ("512m", "1.5g", "10 MiB");
   * errors read like go-units ({@code invalid size: '-1'}, {@code invalid suffix: 'x'}).
   */
  public static long ramInBytes(String s) {
    int sep = -1;
    for (int i = s.length() - 1; i >= 0; i--) {
      if ("01234567890. ".indexOf(s.charAt(i)) >= 0) {
        sep = i;
        break;
      }
    }
    if (sep == -1) {
      throw new IllegalArgumentException("invalid size: '" + s + "'");
    }
    String num = s.charAt(sep) == ' ' ? s.substring(0, sep) : s.substring(0, sep + 1);
    String sfx = s.substring(sep + 1).toLowerCase(java.util.Locale.ROOT);
    double size;
    try {
      size = Double.parseDouble(num);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("strconv.ParseFloat: parsing \"" + num + "\": invalid syntax");
    }
    if (size < 0 || num.startsWith("-")) {
      throw new IllegalArgumentException("invalid size: '" + s + "'");
    }
    if (sfx.isEmpty()) {
      return (long) size;
    }
    if (sfx.length() > 3) {
      throw badSuffix(sfx);
    }
    if (sfx.charAt(0) == 'b') {
      if (sfx.length() > 1) {
        throw badSuffix(sfx);
      }
      return (long) size;
    }
    long mult = switch (sfx.charAt(0)) {
      case 'k' -> 1L << 10;
      case 'm' -> 1L << 20;
      case 'g' -> 1L << 30;
      case 't' -> 1L << 40;
      case 'p' -> 1L << 50;
      default -> throw badSuffix(sfx);
    };
    if ((sfx.length() == 2 && sfx.charAt(1) != 'b') || (sfx.length() == 3 && !sfx.substring(1).equals("ib"))) {
      throw badSuffix(sfx);
    }
    return (long) (size * mult);
  }

  private static IllegalArgumentException badSuffix(String sfx) {
    return new IllegalArgumentException("invalid suffix: '" + sfx + "'");
  }
}
