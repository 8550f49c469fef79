package dev.tlctl.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A fresh sandbox: one user, one workspace on the Hobby plan named "sandbox" (the user's personal
 * workspace), its customer (no
 * usage limit, current usage derived from the usage entries (none yet), the current calendar
 * month as billing period) and one account token.
 */
final class FreshState {
    static final String WORKSPACE_NAME = "sandbox";

    private FreshState() {}

    /** A fresh state; {@code token} null: an account token drawn from the seed. */
    static State create(long seed, String token, Clock clock) {
        State state = new State();
        state.seed = seed;
        String now = clock.instant().toString();

        State.UserRec user = new State.UserRec();
        user.id = Ids.next(state);
        user.name = "Sandbox User";
        user.email = "sandbox@tlctl.invalid";
        user.username = "sandbox";
        user.createdAt = now;
        state.users.add(user);

        State.WorkspaceRec workspace = new State.WorkspaceRec();
        workspace.id = Ids.next(state);
        workspace.name = WORKSPACE_NAME;
        workspace.plan = "HOBBY";
        workspace.personalOf = user.id;
        workspace.memberIds.add(user.id);
        workspace.createdAt = now;
        workspace.updatedAt = now;
        State.CustomerRec customer = new State.CustomerRec();
        customer.id = Ids.next(state);
        customer.currentUsage = null;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = today.withDayOfMonth(1);
        customer.billingPeriodStart = start.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        customer.billingPeriodEnd = start.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        workspace.customer = customer;
        state.workspaces.add(workspace);

        State.TokenRec account = new State.TokenRec();
        account.id = Ids.next(state);
        account.kind = State.TokenKind.ACCOUNT;
        account.name = "sandbox account token";
        account.userId = user.id;
        account.token = token != null ? token : Ids.next(state);
        account.createdAt = now;
        state.tokens.add(account);
        return state;
    }

    /** The account token of a state (the first one), or null. */
    static State.TokenRec accountToken(State state) {
        return state.tokens.stream().filter(t -> t.kind == State.TokenKind.ACCOUNT).findFirst().orElse(null);
    }

    /** Makes {@code token} the state's account token (replacing its value), or adds one when there is none. */
    static void useAccountToken(State state, String token, Instant now) {
        State.TokenRec account = accountToken(state);
        if (account == null) {
            account = new State.TokenRec();
            account.id = Ids.next(state);
            account.kind = State.TokenKind.ACCOUNT;
            account.name = "sandbox account token";
            account.userId = state.users.get(0).id;
            account.createdAt = now.toString();
            state.tokens.add(account);
        }
        account.token = token;
    }
}
