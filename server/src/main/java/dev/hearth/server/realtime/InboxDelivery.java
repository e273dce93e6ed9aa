package dev.hearth.server.realtime;

import dev.hearth.core.inbox.InboxCommand;
import dev.hearth.core.inbox.Notification;
import dev.hearth.server.realtime.stream.CommandOutcome;
import dev.hearth.server.realtime.stream.Submission;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts notifications into users' inboxes as commands with a message id the caller derives from the
 * table event that caused them, so that delivering one twice records it once; a delivery the store
 * could not take is retried with backoff (1, 2, 4, 8, 16 s), then left to the next load of its table.
 */
final class InboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(InboxDelivery.class);
    private static final int ATTEMPTS = 6;

    private final BiConsumer<String, Submission<InboxCommand>> toInbox;
    private final ScheduledExecutorService timers;

    InboxDelivery(BiConsumer<String, Submission<InboxCommand>> toInbox, ScheduledExecutorService timers) {
        this.toInbox = toInbox;
        this.timers = timers;
    }

    void deliver(String userId, Notification notification, String messageId) {
        deliver(userId, notification, messageId, 1);
    }

    private void deliver(String userId, Notification notification, String messageId, int attempt) {
        toInbox.accept(userId, new Submission<>(new InboxCommand.Deliver(notification), Realtime.HEARTH,
                Optional.of(messageId), "notify", System.nanoTime(), outcome -> {
                    if (outcome instanceof CommandOutcome.Failed failed
                            && failed.failure() == CommandOutcome.Failure.UNAVAILABLE) {
                        retry(userId, notification, messageId, attempt, failed.message());
                    }
                }));
    }

    private void retry(String userId, Notification notification, String messageId, int attempt, String why) {
        if (attempt >= ATTEMPTS) {
            log.warn("notification {} for {} not delivered after {} attempts ({}); it is retried when its table"
                    + " next loads in a new process", messageId, userId, attempt, why);
            return;
        }
        Duration wait = Duration.ofSeconds(1L << (attempt - 1));
        try {
            timers.schedule(() -> deliver(userId, notification, messageId, attempt + 1), wait.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("not retrying notification {}: shutting down", messageId);
        }
    }
}
