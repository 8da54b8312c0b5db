/**
 * Who may do what: public pages and the public API are open; actuator details and everything
 * under {@code /staff} and {@code /api/staff} need a staff login (added by the staff module).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.goalpost.security;
