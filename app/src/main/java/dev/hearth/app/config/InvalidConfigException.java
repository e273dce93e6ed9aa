package dev.hearth.app.config;

import java.util.List;

/** The configuration has problems; the message lists all of them, so one attempt fixes them all. */
public final class InvalidConfigException extends RuntimeException {

    private final List<ConfigProblem> problems;

    InvalidConfigException(List<ConfigProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder("Invalid configuration (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):");
        problems.forEach(p -> text.append("\n  - ").append(p.message()));
        return text.append("\nEvery key, its allowed values and its environment variable are in docs/configuration.md.")
                .toString();
    }
}
