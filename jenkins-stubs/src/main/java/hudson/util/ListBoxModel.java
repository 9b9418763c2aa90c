package hudson.util;

import java.util.ArrayList;

/** Stand-in for Jenkins core's {@code hudson.util.ListBoxModel}: the options of a drop-down in a form. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements org.kohsuke.stapler.HttpResponse {
    private static final long serialVersionUID = 1L;

    /** One option: display name and submitted value. */
    public static final class Option implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        public String name;
        public String value;
        public boolean selected;

        public Option(String name, String value) {
            this(name, value, false);
        }

        public Option(String name, String value, boolean selected) {
            this.name = name;
            this.value = value;
            this.selected = selected;
        }
    }

    public ListBoxModel() {
    }

    public void add(String displayName, String value) {
        add(new Option(displayName, value));
    }
}
