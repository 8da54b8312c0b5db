package org.goalpost.attribution;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The attribution module's entrance for the checkout and the privacy requests. */
@Service
public class Attributions {

    private final AttributionRepository repository;
    private final Clock clock;

    Attributions(AttributionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Stores where a donation's checkout came from (nothing when {@code attribution} is null). */
    public void record(long donationId, long campaignId, Attribution attribution) {
        if (attribution != null) {
            repository.record(donationId, campaignId, attribution, clock.instant());
        }
    }

    /** Where these donations came from, as stored: for a donor's privacy export. */
    public List<Map<String, Object>> export(List<Long> donationIds) {
        return repository.ofDonations(donationIds);
    }

    /** Forgets where these donations came from: for a donor's erasure. Their money stays, unattributed. */
    public int erase(List<Long> donationIds) {
        return repository.erase(donationIds);
    }
}
