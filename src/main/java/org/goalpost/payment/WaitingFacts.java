package org.goalpost.payment;

import java.time.Instant;
import java.util.List;
import org.goalpost.payment.PaymentFact.DisputeChanged;
import org.goalpost.payment.PaymentFact.PaymentReversal;
import org.goalpost.payment.PaymentFact.RefundChanged;
import org.goalpost.shared.db.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refunds and disputes of a payment Goalpost has not counted yet and cannot recognise as its own
 * without more calls to the gateway (a recurring instalment whose invoice has not been seen: its
 * PaymentIntent carries no donation id). They wait here, keyed by the payment, and are applied in
 * the transaction that counts that payment, whichever comes first. A payment that is not a
 * Goalpost donation (another integration on the same account) is never counted, so its facts only
 * wait, holding ids and amounts and no personal data, until {@link #forgetOlderThan} drops them.
 */
@Repository
class WaitingFacts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    WaitingFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void keep(PaymentReversal fact, String eventId, Instant now) {
        jdbc.sql("INSERT INTO waiting_fact (payment_intent_id, charge_id, fact_type, fact_json, "
                        + "event_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        fact.paymentIntentId(),
                        fact.chargeId(),
                        fact.getClass().getSimpleName(),
                        JSON.writeValueAsString(fact),
                        eventId,
                        DbTime.param(now))
                .update();
    }

    /**
     * The facts waiting for a payment with this PaymentIntent or charge, oldest first, taken away (in the
     * caller's transaction).
     */
    List<PaymentReversal> take(String paymentIntentId, String chargeId) {
        String intent = paymentIntentId == null ? "" : paymentIntentId;
        String charge = chargeId == null ? "" : chargeId;
        List<PaymentReversal> facts = jdbc.sql(
                        "SELECT fact_type, fact_json FROM waiting_fact WHERE payment_intent_id = ? OR charge_id = ? "
                                + "ORDER BY id")
                .params(intent, charge)
                .query((rs, n) -> read(rs.getString("fact_type"), rs.getString("fact_json")))
                .list();
        if (!facts.isEmpty()) {
            jdbc.sql("DELETE FROM waiting_fact WHERE payment_intent_id = ? OR charge_id = ?")
                    .params(intent, charge)
                    .update();
        }
        return facts;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM waiting_fact").query(Long.class).single();
    }

    /**
     * Drops facts that waited longer than any payment of ours takes to be reported: they belong to another
     * integration.
     */
    int forgetOlderThan(Instant before) {
        return jdbc.sql("DELETE FROM waiting_fact WHERE created_at < ?")
                .param(DbTime.param(before))
                .update();
    }

    private static PaymentReversal read(String type, String json) {
        return switch (type) {
            case "RefundChanged" -> JSON.readValue(json, RefundChanged.class);
            case "DisputeChanged" -> JSON.readValue(json, DisputeChanged.class);
            default -> throw new IllegalStateException("Unknown waiting fact type " + type);
        };
    }
}
