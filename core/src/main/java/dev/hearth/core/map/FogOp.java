package dev.hearth.core.map;

import java.util.Objects;

/** One GM stroke of fog: reveal or hide an area. */
public record FogOp(FogMode mode, FogArea area) {

    public FogOp {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(area, "area");
    }
}
