package io.claudebaseline.usage;

import java.util.List;

/** The column names of the {@code --emit-sql athena} query's result, for tools and tests that write such a CSV. */
public final class AthenaColumns {
    private AthenaColumns() {}

    public static List<String> names() {
        return AthenaQuery.COLUMNS;
    }
}
