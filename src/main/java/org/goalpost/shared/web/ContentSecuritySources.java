package org.goalpost.shared.web;

import java.util.List;

/**
 * Other origins a module needs the browser to load from (a CAPTCHA provider's script, frame, style
 * and calls). The security module adds every bean's origins to its Content-Security-Policy; with
 * none, the policy allows this app only.
 */
public interface ContentSecuritySources {

    /** Origins such as {@code https://challenges.cloudflare.com}. */
    List<String> origins();
}
