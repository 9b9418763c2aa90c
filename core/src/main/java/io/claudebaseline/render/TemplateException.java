package io.claudebaseline.render;

/**
 * A template cannot be compiled or rendered, or its output is not what its language allows. Always a defect
 * of a (possibly user-supplied) template, never of the config: the message names the template.
 */
public class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
