package org.goalpost.payment.stripe;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An event's {@code data.object} as Stripe sent it, read field by field whatever its API version:
 * the few ids and metadata that say whether an object is Goalpost's are read here in every shape
 * they have had (an invoice's subscription is {@code parent.subscription_details.subscription}
 * since API version {@code 2025-03-31.basil}, top-level {@code subscription} before), before any
 * call to Stripe is made.
 */
record RawObject(JsonNode json) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static RawObject of(com.stripe.model.Event event) {
        if (event.getData() == null || event.getData().getObject() == null) {
            return new RawObject(JsonNodeFactory.instance.objectNode());
        }
        return new RawObject(JSON.readTree(event.getDataObjectDeserializer().getRawJson()));
    }

    String id() {
        return string("id");
    }

    /**
     * The string at a path of fields, or null where any is missing or null. A field holding an
     * expanded object gives that object's {@code id}, as Stripe's expandable fields do.
     */
    String string(String... path) {
        JsonNode at = json;
        for (String field : path) {
            if (at == null || !at.isObject()) {
                return null;
            }
            at = at.get(field);
        }
        if (at == null || at.isNull()) {
            return null;
        }
        if (at.isObject()) {
            JsonNode id = at.get("id");
            return id == null || id.isNull() ? null : id.asString();
        }
        return at.isValueNode() ? at.asString() : null;
    }

    /** The first of several paths that holds a string. */
    String firstOf(String[]... paths) {
        for (String[] path : paths) {
            String value = string(path);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * An invoice's subscription: {@code parent.subscription_details.subscription} (basil and later) or {@code
     * subscription} (before).
     */
    String invoiceSubscription() {
        return firstOf(new String[] {"parent", "subscription_details", "subscription"}, new String[] {"subscription"});
    }

    /**
     * An invoice's donation id, from its subscription's metadata: {@code parent.subscription_details.metadata}
     * (basil and later) or {@code subscription_details.metadata} (before).
     */
    String invoiceDonationRef(String key) {
        return firstOf(
                new String[] {"parent", "subscription_details", "metadata", key},
                new String[] {"subscription_details", "metadata", key});
    }
}
