package dev.tlctl.reconcile;

import dev.tlctl.apply.ConcurrentChangeException;
import dev.tlctl.apply.DuplicateProjectException;
import dev.tlctl.railway.ChangeSetFailedException;
import dev.tlctl.railway.CreateGaveUpException;
import dev.tlctl.railway.LookupException;
import dev.tlctl.railway.RailwayException;
import dev.tlctl.railway.StaleEnvironmentException;
import dev.tlctl.railway.WaitGaveUpException;
import dev.tlctl.reconcile.ReconcileException.Kind;
import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.SpecException;
import java.util.function.Supplier;

/**
 * The one place where the lower layers' failures become a {@link ReconcileException}: an invalid
 * spec by what is wrong with it, a token Railway refuses (without the operation that happened to
 * meet it), Railway's other answers, a lookup that found no single project, a concurrent change.
 * Anything else (a bug, or what a caller's listener threw) passes unchanged.
 */
final class Failures {
    private Failures() {}

    /** Runs {@code work}, translating what fails in it. */
    static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    static void translated(Runnable work) {
        translated(() -> {
            work.run();
            return null;
        });
    }

    static RuntimeException translate(RuntimeException e) {
        if (e instanceof ReconcileException) {
            return e;
        }
        if (e instanceof SpecException spec) {
            return new ReconcileException(kind(spec), headline(spec), null, spec.diagnostics(), spec);
        }
        if (e instanceof RailwayException r && (r.kind() == RailwayException.Kind.AUTH
                || r.kind() == RailwayException.Kind.TWO_FACTOR)) {
            // The token is the problem, not the operation tlctl happened to send first: no operation named.
            return new ReconcileException(Kind.TOKEN, "Railway refused the token" + (r.railwayMessage().isEmpty() ? ""
                    : " (\"" + r.railwayMessage() + "\")"), r.hint(), r);
        }
        if (e instanceof LookupException lookup) {
            return new ReconcileException(Kind.RAILWAY, lookup.getMessage(), lookup.detail(), lookup);
        }
        if (e instanceof ConcurrentChangeException) {
            return new ReconcileException(Kind.CONFLICT, e.getMessage(),
                    "Someone else is changing the project; nothing was written. Run tlctl plan again.", e);
        }
        if (e instanceof RailwayException || e instanceof CreateGaveUpException || e instanceof DuplicateProjectException
                || e instanceof ChangeSetFailedException || e instanceof StaleEnvironmentException
                || e instanceof WaitGaveUpException) {
            return new ReconcileException(Kind.RAILWAY, e.getMessage(), null, e);
        }
        return e;
    }

    private static Kind kind(SpecException e) {
        return switch (e.cause()) {
            case NO_INPUT -> Kind.NO_INPUT;
            case MISSING_VALUE -> Kind.MISSING_VALUE;
            case SYNTAX, INVALID -> Kind.INVALID_SPEC;
        };
    }

    /** The one-line summary of an unusable spec, by what is wrong with it: each outcome reads differently. */
    static String headline(SpecException e) {
        long errors = e.errors().size();
        String count = errors + (errors == 1 ? " error" : " errors");
        return switch (e.cause()) {
            case NO_INPUT -> "the spec cannot be read: " + e.errors().stream().filter(d -> d.cause()
                    == Diagnostic.Cause.NO_INPUT).findFirst().map(d -> d.location().file() + ": " + d.summary()).orElse("");
            case SYNTAX -> "the spec is not valid YAML: " + count;
            case MISSING_VALUE -> "values the spec references are not set (" + e.errors().get(0).summary()
                    + "); the spec itself is valid";
            case INVALID -> "the spec is invalid: " + count;
        };
    }
}
