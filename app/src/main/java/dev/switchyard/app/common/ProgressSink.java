package dev.switchyard.app.common;

/** What long work reports through: a fraction done and a short message, and whether to stop. */
public interface ProgressSink {
    /** @param fraction in [0,1], or a negative value when unknown */
    void progress(double fraction, String message);

    boolean isCancelled();

    /** Throws when cancelled, so long loops can stop with one call. */
    default void checkCancelled() {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancelledException();
        }
    }

    ProgressSink NONE = new ProgressSink() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Thrown inside work that noticed it was cancelled. Not an error: the runner swallows it. */
    final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CancelledException() {
            super("cancelled", null, false, false);
        }
    }
}
