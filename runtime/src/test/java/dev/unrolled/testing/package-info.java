/**
 * Hand-written models and trainers that stand in for generated ones, shared by the runtime's tests
 * in every package: a logistic regression with its trainer, a trainer whose losses are scripted,
 * and a model that is only its parameter vector. Also what the readers' fuzz tests share: seeded
 * damage to bytes ({@link dev.unrolled.testing.Mutator}), one guarded read of a hostile input
 * ({@link dev.unrolled.testing.HostileInput}) and the counts of outcomes
 * ({@link dev.unrolled.testing.Outcomes}).
 */
package dev.unrolled.testing;
