package fi.palvelututka.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamedReaderTest {

  @Test
  void everyItemArrivesInOrderAndTheReaderStaysAtMostTheQueueAhead() {
    AtomicLong pushed = new AtomicLong();
    long[] maxAhead = {0};
    int capacity = 8;
    int n = 50_000;
    List<Integer> got = new ArrayList<>();
    try (StreamedReader<Integer> it =
        new StreamedReader<>(
            "test",
            capacity,
            sink -> {
              for (int i = 0; i < n; i++) {
                sink.accept(i);
                pushed.incrementAndGet();
              }
            })) {
      while (it.hasNext()) {
        got.add(it.next());
        maxAhead[0] = Math.max(maxAhead[0], pushed.get() - got.size());
      }
      assertThat(it.hasNext()).isFalse();
    }
    assertThat(got).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(got.get(i)).isEqualTo(i);
    }
    // the queue, the item being handed over and the one the consumer holds
    assertThat(maxAhead[0]).isLessThanOrEqualTo(capacity + 2);
  }

  @Test
  void anEmptyReaderGivesNothing() {
    try (StreamedReader<String> it = new StreamedReader<>("test", 4, sink -> {})) {
      assertThat(it.hasNext()).isFalse();
      assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
    }
  }

  @Test
  void theReadersFailureReachesTheConsumerAfterTheItemsBeforeIt() {
    try (StreamedReader<String> it =
        new StreamedReader<>(
            "test",
            2,
            sink -> {
              sink.accept("a");
              sink.accept("b");
              throw new UncheckedIOException(new IOException("disk gone"));
            })) {
      assertThat(it.next()).isEqualTo("a");
      assertThat(it.next()).isEqualTo("b");
      assertThatThrownBy(it::hasNext)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("disk gone");
      assertThat(it.hasNext()).isFalse();
    }
  }

  @Test
  void aCheckedFailureIsWrapped() {
    try (StreamedReader<String> it =
        new StreamedReader<>(
            "test",
            2,
            sink -> {
              throw new IOException("no such file");
            })) {
      assertThatThrownBy(it::hasNext)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no such file")
          .hasCauseInstanceOf(IOException.class);
    }
  }

  @Test
  void closeStopsAReaderThatWaitsOnAFullQueue() throws InterruptedException {
    AtomicLong pushed = new AtomicLong();
    StreamedReader<Long> it =
        new StreamedReader<>(
            "test",
            4,
            sink -> {
              for (long i = 0; ; i++) { // an endless reader
                sink.accept(i);
                pushed.incrementAndGet();
              }
            });
    assertThat(it.next()).isEqualTo(0L);
    it.close();
    assertThat(it.readerEnded(5_000)).isTrue();
    assertThat(pushed.get()).isLessThan(100);
    assertThatThrownBy(it::hasNext).isInstanceOf(IllegalStateException.class);
  }
}
