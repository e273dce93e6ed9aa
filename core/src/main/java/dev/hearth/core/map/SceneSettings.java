package dev.hearth.core.map;

import java.util.Objects;
import java.util.Optional;

/** What the GM sets for a scene: its name, grid and background. */
public record SceneSettings(String id, String name, Grid grid, Optional<ImageRef> background) {

    public SceneSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(background, "background");
    }
}
