package dev.tlctl.plan;

/** What a change does, with terraform's symbols. */
public enum Action {
    CREATE("+"),
    UPDATE("~"),
    DELETE("-");

    private final String symbol;

    Action(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
