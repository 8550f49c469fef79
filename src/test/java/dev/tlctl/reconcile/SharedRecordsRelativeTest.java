package dev.tlctl.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlctl.plan.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A record's relative address is the address's text without its environment, however it is made. */
class SharedRecordsRelativeTest {
    @Test
    void isTheTextWithoutTheEnvironment() {
        List<Address> addresses = List.of(Address.variable("staging", "engine-api", "DEBUG"),
                Address.variable("staging", null, "DATABASE_URL"), Address.setting("env-03", "svc-01", "deploy.numReplicas"),
                Address.instance("production", "web"), Address.domain("staging", "web", Address.RAILWAY_DOMAIN),
                Address.domain("staging", "web", "api.example.com"), Address.volumeMount("staging", "db", "/data"),
                Address.variable("pr-12", "a/b", "X"), Address.variable("e", "variable", "variable"));
        for (Address address : addresses) {
            String text = address.text();
            assertEquals(text.substring(address.environment().length() + 1), SharedRecords.relative(address), text);
        }
    }
}
