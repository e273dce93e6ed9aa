package dev.hearth.bench.store;

import dev.hearth.store.GroupCommitSettings;
import java.time.Duration;

/** Whether the store batches concurrent writes into one transaction ({@code on}) or commits each alone ({@code off}, the baseline). */
enum GroupCommit {
    OFF("off"),
    ON("on");

    private final String id;

    GroupCommit(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** The store settings for this mode; {@code tuned} is what {@code on} uses, and lends {@code off} its queue bound. */
    GroupCommitSettings settings(GroupCommitSettings tuned) {
        return switch (this) {
            case ON -> tuned;
            case OFF -> new GroupCommitSettings(
                    GroupCommitSettings.OFF.maxBatchEvents(), Duration.ZERO, tuned.queueCapacity());
        };
    }
}
