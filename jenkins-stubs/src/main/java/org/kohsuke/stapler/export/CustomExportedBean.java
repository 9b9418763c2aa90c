package org.kohsuke.stapler.export;

/** Stand-in for Stapler's {@code CustomExportedBean} (a supertype the real types have; no members used). */
public interface CustomExportedBean {
}
