/**
 * The demo campaign of the embedded default: {@code support}, with tiers at 2,500 $ and 5,000 $
 * and 895 $ of test-mode demo gifts, recorded through the same ledger path as real money.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.goalpost.demo;
