package fi.palvelututka.jobs.summarize;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Wilson score interval for a binomial proportion (Wilson 1927), 95% by default: better than the
 * normal approximation for small samples and for rates near 0 or 1, and never outside [0, 1]. One
 * formula, for Java values (tests, reports) and for Spark columns (the summary job).
 */
public final class Wilson {

  /** z for a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  private Wilson() {}

  /** {low, high} of the interval for k successes in n trials (n > 0). */
  public static double[] interval(long k, long n) {
    if (n <= 0 || k < 0 || k > n) {
      throw new IllegalArgumentException("Invalid proportion " + k + "/" + n);
    }
    double z2 = Z95 * Z95;
    double p = (double) k / n;
    double denom = 1 + z2 / n;
    double center = (p + z2 / (2.0 * n)) / denom;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
    // exactly 0 / 1 at the ends: center - half leaves rounding residue (1e-17) at k = 0
    return new double[] {
      k == 0 ? 0.0 : Math.max(0, center - half), k == n ? 1.0 : Math.min(1, center + half)
    };
  }

  /** Lower bound as a column expression (null when n is 0). */
  public static Column low(Column k, Column n) {
    return bound(k, n, -1);
  }

  /** Upper bound as a column expression (null when n is 0). */
  public static Column high(Column k, Column n) {
    return bound(k, n, 1);
  }

  private static Column bound(Column k, Column n, int sign) {
    double z2 = Z95 * Z95;
    Column nd = n.cast("double");
    Column p = k.cast("double").divide(nd);
    Column denom = lit(1.0).plus(lit(z2).divide(nd));
    Column center = p.plus(lit(z2).divide(nd.multiply(2))).divide(denom);
    Column half =
        lit(Z95)
            .multiply(
                sqrt(
                    p.multiply(lit(1.0).minus(p))
                        .divide(nd)
                        .plus(lit(z2).divide(nd.multiply(nd).multiply(4)))))
            .divide(denom);
    Column v = sign < 0 ? center.minus(half) : center.plus(half);
    // exactly 0 at k = 0 and 1 at k = n: center - half leaves rounding residue (1e-17) there
    Column clipped =
        sign < 0
            ? when(k.equalTo(0), lit(0.0))
                .otherwise(org.apache.spark.sql.functions.greatest(lit(0.0), v))
            : when(k.equalTo(n), lit(1.0))
                .otherwise(org.apache.spark.sql.functions.least(lit(1.0), v));
    return when(n.gt(0), clipped);
  }
}
