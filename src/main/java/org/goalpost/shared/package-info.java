/**
 * Building blocks every feature module may use: {@code money} (the Money value type and its
 * formatting), {@code mode} (test or live), {@code db} (portable SQL helpers), {@code time}, {@code web} (problem details)
 * and {@code health} (the interface of data invariants). Holds no business rules of its own.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.goalpost.shared;
