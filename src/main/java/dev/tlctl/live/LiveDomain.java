package dev.tlctl.live;

import java.util.List;

/**
 * A domain that routes to a service instance: a Railway-generated {@code *.up.railway.app} one,
 * or a custom one with the DNS records its owner must create.
 *
 * @param targetPort the port it routes to; null: the port Railway detected
 * @param verified for a custom domain, whether Railway found its DNS records; always true for a
 *     Railway one
 */
public record LiveDomain(String id, Kind kind, String domain, Integer targetPort, boolean verified,
        List<DnsRecord> dnsRecords) {

    /** Railway-generated, or the owner's. */
    public enum Kind { RAILWAY, CUSTOM }

    public LiveDomain {
        dnsRecords = List.copyOf(dnsRecords);
    }

    /**
     * A DNS record a custom domain needs.
     *
     * @param type such as CNAME or TXT
     * @param name the full name the record is for ({@code fqdn})
     * @param value the value it must hold
     * @param propagated whether Railway sees it in place
     */
    public record DnsRecord(String type, String name, String value, boolean propagated) {}

    /** {@code https://<domain>}. */
    public String url() {
        return "https://" + domain;
    }
}
