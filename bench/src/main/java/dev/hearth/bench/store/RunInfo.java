package dev.hearth.bench.store;

import dev.hearth.store.GroupCommitSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * What a run was: how it was started, how long each phase lasted, and on what, so that its figures
 * can be reproduced and compared.
 *
 * @param command the arguments the benchmark was given
 * @param trials how many times each scenario ran
 * @param groupCommitOn the settings of the {@code on} mode ({@code off} is one write per transaction)
 * @param payloadBytes the mean size of one event's payload
 * @param storeBuild the store jar measured, with its hash
 */
record RunInfo(
        String command,
        Instant startedAt,
        Duration warmup,
        Duration measure,
        int trials,
        int pipeline,
        GroupCommitSettings groupCommitOn,
        double payloadBytes,
        String storeBuild,
        Machine machine) {}
