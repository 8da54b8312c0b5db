package org.goalpost.campaign;

/** Whether the raised figure counts what donors gave (gross) or what arrives after Stripe's fees (net). */
public enum CountBasis {
    GROSS,
    NET
}
