package org.goalpost.shared.privacy;

import java.util.Map;

/**
 * What a module stores about a person, found by email address: every module that keeps personal
 * data implements this, so that a privacy request reaches all of it. Erasing removes the person's
 * name, email and words but keeps amounts, dates and counts (pseudonymised rows), so totals and
 * the ledger stay exact.
 */
public interface PersonalData {

    /** The section this module adds to an export, such as {@code donations}. */
    String section();

    /** Everything kept about the address, as JSON-ready maps and lists; empty when nothing. */
    Map<String, Object> export(String email);

    /** Erases what is kept about the address; answers how many records were changed. */
    int erase(String email);
}
