package org.goalpost.payment;

import java.time.Instant;
import java.util.Optional;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.db.DuplicateKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The payments Goalpost counted, by their PaymentIntent and charge: where their refunds and
 * disputes belong (campaign, donation, period, mode).
 */
@Repository
public class GatewayPayments {

    /** A counted payment. */
    public record Payment(
            String paymentIntentId,
            String chargeId,
            String ledgerSourceRef,
            long donationId,
            long campaignId,
            PeriodKey period,
            boolean livemode,
            long amountMinor,
            long feeMinor,
            String currency,
            Instant paidAt) {}

    private final JdbcClient jdbc;

    GatewayPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a payment with this PaymentIntent or charge was counted. */
    public boolean isKnown(String paymentIntentId, String chargeId) {
        return find(paymentIntentId, chargeId).isPresent();
    }

    public Optional<Payment> find(String paymentIntentId, String chargeId) {
        return jdbc.sql("SELECT payment_intent_id, charge_id, ledger_source_ref, donation_id, campaign_id, "
                        + "period_key, livemode, "
                        + "amount_minor, fee_minor, currency, paid_at FROM gateway_payment "
                        + "WHERE payment_intent_id = ? OR charge_id = ? LIMIT 1")
                .params(paymentIntentId == null ? "" : paymentIntentId, chargeId == null ? "" : chargeId)
                .query(GatewayPayments::row)
                .optional();
    }

    private static Payment row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Payment(
                rs.getString("payment_intent_id"),
                rs.getString("charge_id"),
                rs.getString("ledger_source_ref"),
                rs.getLong("donation_id"),
                rs.getLong("campaign_id"),
                PeriodKey.parse(rs.getString("period_key")),
                rs.getBoolean("livemode"),
                rs.getLong("amount_minor"),
                rs.getLong("fee_minor"),
                rs.getString("currency"),
                DbTime.read(rs, "paid_at"));
    }

    /** The latest counted payment of a donation (a one-time gift has one; a monthly one, one per instalment). */
    public Optional<Payment> latestOf(long donationId) {
        return jdbc.sql("SELECT payment_intent_id, charge_id, ledger_source_ref, donation_id, campaign_id, "
                        + "period_key, livemode, "
                        + "amount_minor, fee_minor, currency, paid_at FROM gateway_payment WHERE "
                        + "donation_id = ? ORDER BY paid_at DESC LIMIT 1")
                .param(donationId)
                .query(GatewayPayments::row)
                .optional();
    }

    void remember(Payment payment) {
        DuplicateKeys.insertUnlessPresent(
                () -> jdbc.sql("INSERT INTO gateway_payment (payment_intent_id, charge_id, ledger_source_ref, "
                                + "donation_id, campaign_id, "
                                + "period_key, livemode, amount_minor, fee_minor, currency, paid_at) VALUES "
                                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                payment.paymentIntentId(),
                                payment.chargeId(),
                                payment.ledgerSourceRef(),
                                payment.donationId(),
                                payment.campaignId(),
                                payment.period().value(),
                                payment.livemode(),
                                payment.amountMinor(),
                                payment.feeMinor(),
                                payment.currency(),
                                DbTime.param(payment.paidAt()))
                        .update());
    }
}
