package berth.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as docker's go-units writes and reads them: {@code HumanSize} (decimal, "4.26MB"),
 * {@code BytesSize} (binary, "1.5MiB"), and {@code RAMInBytes} ("512m", "1g": binary multipliers).
 */
public final class Units {
  private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
  private static final Pattern RAM = Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

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

  /** {@code units.RAMInBytes}: "512m" → 536870912; errors read {@code invalid size: '12x'}. */
  public static long ramInBytes(String s) {
    Matcher m = RAM.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid size: '" + s + "'");
    }
    double size;
    try {
      size = Double.parseDouble(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid size: '" + s + "'");
    }
    long mult = 1;
    if (m.group(2) != null) {
      mult = switch (Character.toLowerCase(m.group(2).charAt(0))) {
        case 'k' -> 1L << 10;
        case 'm' -> 1L << 20;
        case 'g' -> 1L << 30;
        case 't' -> 1L << 40;
        default -> 1L << 50;
      };
    }
    return (long) (size * mult);
  }
}
