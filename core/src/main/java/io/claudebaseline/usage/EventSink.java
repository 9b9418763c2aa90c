package io.claudebaseline.usage;

import java.util.List;

/** Where an {@link EventReader} hands the Claude events it found: a whole object's (or page's) at a time. */
interface EventSink {
    void accept(List<TrailEvent> events);
}
