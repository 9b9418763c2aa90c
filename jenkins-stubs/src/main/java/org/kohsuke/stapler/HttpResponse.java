package org.kohsuke.stapler;

/** Stand-in for Stapler's {@code HttpResponse} (a supertype the real types have; no members used). */
public interface HttpResponse {
}
