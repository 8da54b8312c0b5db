package org.goalpost.bench;

import org.goalpost.payment.stripe.FakeStripe;

/** The stubbed Stripe API for benchmarks, as a process of its own: {@code BenchStripe <port>}. */
public final class BenchStripe {

    private BenchStripe() {
    }

    public static void main(String[] args) throws Exception {
        try (FakeStripe stripe = new FakeStripe(Integer.parseInt(args[0]))) {
            System.out.println("BenchStripe: stubbed Stripe API on " + stripe.url());
            Thread.currentThread().join();
        }
    }
}
