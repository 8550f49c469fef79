package dev.tlctl.plan;

/**
 * One change of a plan: what, where, and the values before and after. For variables the values
 * are masked {@code Secret}s (the desired one is needed to apply; neither is ever printed when
 * {@code sensitive}); {@code before} is null when Railway does not have it or cannot return it.
 * For settings they are plain values; for the usage limit, {@link UsageLimitValue}s.
 *
 * @param note a short remark shown beside the change, such as "will be sealed"; may be null
 */
public record Change(Address address, Action action, Object before, Object after, boolean sensitive,
        boolean sealed, String note) {

    public static Change create(Address address, Object after, boolean sensitive, boolean sealed) {
        return new Change(address, Action.CREATE, null, after, sensitive, sealed, null);
    }

    public static Change update(Address address, Object before, Object after, boolean sensitive, boolean sealed) {
        return new Change(address, Action.UPDATE, before, after, sensitive, sealed, null);
    }

    public static Change delete(Address address, Object before, boolean sensitive) {
        return new Change(address, Action.DELETE, before, null, sensitive, false, null);
    }

    public Change withNote(String text) {
        return new Change(address, action, before, after, sensitive, sealed, text);
    }
}
