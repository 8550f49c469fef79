package dev.tlctl.apply;

/**
 * Another apply created the same project at the same moment, first: this apply deleted the
 * duplicate it had just made and stopped, having changed nothing else. Running apply again
 * continues with the project that remains.
 */
public final class DuplicateProjectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Railway refused this apply's create for its quota: another apply had just made the project. */
    public DuplicateProjectException(String name, String kept) {
        super("another apply created project " + name + " at the same time (" + kept + "); Railway refused this"
                + " apply's create for its quota, so it made nothing and stopped. Run tlctl apply again: it continues"
                + " with " + kept + ".");
    }

    public DuplicateProjectException(String name, String kept, String deleted) {
        super("another apply created project " + name + " at the same time (" + kept + ", created first); this apply"
                + " deleted the duplicate it had just made (" + deleted + ") and stopped. Run tlctl apply again: it"
                + " continues with " + kept + ".");
    }
}
