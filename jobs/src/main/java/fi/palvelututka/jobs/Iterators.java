package fi.palvelututka.jobs;

import java.util.Iterator;
import java.util.function.Function;

/** Lazy iterator helpers for {@code mapPartitions} bodies (one row at a time, no buffering). */
public final class Iterators {

  private Iterators() {}

  /** The rows of {@code in}, each transformed by {@code f} when it is consumed. */
  public static <A, B> Iterator<B> map(Iterator<A> in, Function<A, B> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public B next() {
        return f.apply(in.next());
      }
    };
  }
}
