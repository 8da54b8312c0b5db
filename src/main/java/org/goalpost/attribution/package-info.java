/**
 * Which stories and placements bring support (issue 13), first-party and without cookies: widget views and clicks
 * counted into aggregates per campaign, day, page, placement, variant and utm fields (summed in memory, written as
 * increments every few seconds), the {@link org.goalpost.attribution.Attribution} a checkout carries stored with its
 * donation, and a report that attributes the ledger's money (refunds, disputes and later instalments included) to
 * them. Nothing is stored per reader: pages are normalised to scheme, host and path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attribution")
package org.goalpost.attribution;
