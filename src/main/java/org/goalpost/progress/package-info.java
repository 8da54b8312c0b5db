/**
 * The public read side: a campaign's progress in its current (or a past) period, as the campaign
 * page, the JSON API and the widget show it. Every figure comes from the kept totals of the
 * app's mode (live money, or test money when the app runs in test mode).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public progress")
package org.goalpost.progress;
