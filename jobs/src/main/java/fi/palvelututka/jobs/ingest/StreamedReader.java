package fi.palvelututka.jobs.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns a reader that pushes its items into a consumer (as {@link FileRecords#read} does) into an
 * iterator that pulls them, so that a file read by one task (gzip, JSON documents, CSV) is streamed
 * through Spark instead of collected whole in the heap first (one .jsonl.gz of a million reviews
 * ran a 1 GiB heap out of memory that way; streamed, its size does not matter).
 *
 * <p>The reader runs on a daemon thread of its own and hands items over through a bounded queue
 * ({@code capacity} items): it waits while the queue is full, so memory stays bounded whatever the
 * file's size. An exception of the reader is thrown again by {@link #hasNext()} or {@link #next()}.
 * {@link #close()} (also when the task ends early, e.g. killed or failed downstream) stops the
 * reader at its next hand-over.
 */
final class StreamedReader<T> implements Iterator<T>, AutoCloseable {

  /** A reader that pushes every item into the sink it is given. */
  @FunctionalInterface
  interface Reader<T> {
    void read(Consumer<T> sink) throws Exception;
  }

  private static final Object END = new Object();

  /** How long a blocked hand-over waits before it checks for {@link #close()}. */
  private static final long POLL_MS = 100;

  private final BlockingQueue<Object> queue;
  private final Thread thread;
  private volatile boolean closed;
  private Object head; // the next item, taken from the queue but not yet returned
  private boolean done;

  /** Signals a reader that the consumer has gone (thrown out of the sink). */
  private static final class Closed extends RuntimeException {
    Closed() {
      super("the consumer closed the stream", null, false, false);
    }
  }

  /** The reader's failure, carried through the queue to the consumer. */
  private record Failure(Throwable error) {}

  StreamedReader(String name, int capacity, Reader<T> reader) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread =
        new Thread(
            () -> {
              Object last = END;
              try {
                reader.read(this::put);
              } catch (Closed e) {
                return;
              } catch (Throwable e) {
                last = new Failure(e);
              }
              try {
                put(last);
              } catch (Closed e) {
                // the consumer has gone: nobody waits for the end
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  private void put(Object item) {
    try {
      while (!queue.offer(item, POLL_MS, TimeUnit.MILLISECONDS)) {
        if (closed) {
          throw new Closed();
        }
      }
      if (closed) {
        throw new Closed();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Closed();
    }
  }

  @Override
  public boolean hasNext() {
    if (done) {
      return false;
    }
    if (head == null) {
      if (closed) {
        throw new IllegalStateException("read after close");
      }
      try {
        head = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while waiting for the reader", e);
      }
    }
    if (head == END) {
      done = true;
      return false;
    }
    if (head instanceof Failure f) {
      done = true;
      head = null;
      if (f.error() instanceof RuntimeException r) {
        throw r;
      }
      if (f.error() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(f.error().getMessage(), f.error());
    }
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T item = (T) head;
    head = null;
    return item;
  }

  /** Stops the reader (at its next hand-over) and lets it end; idempotent. */
  @Override
  public void close() {
    closed = true;
    queue.clear();
    thread.interrupt();
  }

  /** Whether the reader's thread has ended (for tests). */
  boolean readerEnded(long waitMs) throws InterruptedException {
    thread.join(waitMs);
    return !thread.isAlive();
  }
}
