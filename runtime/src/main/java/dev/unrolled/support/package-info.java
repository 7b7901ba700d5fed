/**
 * Small helpers that generated code calls: argument checks with precise messages and seeded,
 * JDK-independent parameter initialisation. Public only because generated classes live in users'
 * packages; not meant to be called directly.
 */
package dev.unrolled.support;
