/**
 * Hand-written models and trainers that stand in for generated ones, shared by the runtime's tests
 * in every package: a logistic regression with its trainer, a trainer whose losses are scripted,
 * and a model that is only its parameter vector.
 */
package dev.unrolled.testing;
