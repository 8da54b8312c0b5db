/**
 * Self-service for monthly and yearly donors, without an account: a donor asks for a link by email address
 * (the answer never says whether the address is a donor's), the link (single-use, expiring)
 * signs them in for 30 minutes (Spring Security's one-time-token login, with {@code DonorLinks} as its token
 * service; the sign-in has its own session key, apart from any staff login), in which they can change the amount,
 * update their card (Stripe's billing portal), pause for 1 to 3 months and resume, cancel (saying why, if they
 * wish) or give once more. Every change is asked of the payment gateway and comes back through the webhook path:
 * this module never writes money, totals or states; it keeps only the reason a donor gives for cancelling.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Donor portal")
package org.goalpost.portal;
