/**
 * The public read side: a campaign's progress in its current (or a past) period, as the campaign
 * page, the JSON API, the donate form and the widget show it (ready bytes in {@code ProgressCache}, SVG, iframe, CORS
 * per campaign). Every figure comes from the kept totals of the
 * app's mode (live money, or test money when the app runs in test mode).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public progress")
package org.goalpost.progress;
