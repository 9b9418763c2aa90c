package hudson.model;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stand-in for Jenkins core's {@code hudson.model.Actionable}: a model object that carries actions. */
public abstract class Actionable extends AbstractModelObject implements jenkins.model.ModelObjectWithContextMenu {
    private final List<Action> actions = new CopyOnWriteArrayList<>();

    public void addAction(Action a) {
        if (a == null) {
            throw new IllegalArgumentException("Action must be non-null");
        }
        actions.add(a);
    }

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
