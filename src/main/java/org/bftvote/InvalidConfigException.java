package org.bftvote;

/**
 * Thrown when a configuration is built with a value outside its bound. The message always names the parameter,
 * the value given and the bound it breaks, so that a wrong configuration is caught where it is written and not
 * in flight.
 *
 * <p>Thrown only while building; nothing on the frame path throws it.
 */
public final class InvalidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The name of the offending parameter, as the user wrote it. */
    private final String parameter;
    /** The value given, as text. */
    private final String value;
    /** The bound the value breaks. */
    private final String bound;

    /**
     * @param parameter the name of the parameter as the user wrote it, for example {@code "f"}
     * @param value     the value given, as text
     * @param bound     the bound it breaks, for example {@code "2f + 1 <= n (n = 3)"}
     */
    public InvalidConfigException(final String parameter, final Object value, final String bound) {
        super("invalid configuration: " + parameter + " = " + value + " breaks " + bound);
        this.parameter = parameter;
        this.value = String.valueOf(value);
        this.bound = bound;
    }

    /**
     * @return the name of the offending parameter.
     */
    public String parameter() {
        return parameter;
    }

    /**
     * @return the offending value, as text.
     */
    public String value() {
        return value;
    }

    /**
     * @return the bound the value breaks.
     */
    public String bound() {
        return bound;
    }
}
