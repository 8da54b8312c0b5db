/**
 * Building blocks every feature module may use: {@code money} (the Money value type and its
 * formatting), {@code mode} (test or live), {@code db} (portable SQL helpers), {@code time}, {@code web}
 * (problem details),
 * {@code health} (the interface of data invariants), {@code scheduling} (one instance at a time) and {@code logging}
 * (log lines scrubbed of card-like numbers and secrets). Holds no business rules of its own.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.goalpost.shared;
