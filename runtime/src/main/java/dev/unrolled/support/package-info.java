/**
 * Small helpers that generated code calls: argument checks with precise messages, seeded,
 * JDK-independent parameter initialisation, the guarded optimizer step and the data-parallel
 * shards ({@link dev.unrolled.support.ShardedStep}). Public only because generated classes live
 * in users' packages; not meant to be called directly.
 */
package dev.unrolled.support;
