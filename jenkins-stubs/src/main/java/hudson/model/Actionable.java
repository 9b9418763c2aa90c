package hudson.model;

import java.util.ArrayList;
import java.util.List;

/** Stand-in for Jenkins core's {@code hudson.model.Actionable}: a model object that carries actions. */
public abstract class Actionable {
    private final List<Action> actions = new ArrayList<>();

    /** As the real method: replaces any action of the same class, returns whether the list changed. */
    public boolean addOrReplaceAction(Action a) {
        actions.removeIf(existing -> existing.getClass() == a.getClass());
        actions.add(a);
        return true;
    }

    public <T extends Action> T getAction(Class<T> type) {
        for (Action a : actions) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }
}
