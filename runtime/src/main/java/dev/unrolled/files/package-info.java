/**
 * Model files: a model's architecture, parameters and running estimates in one checksummed file,
 * saved atomically and loaded back only into a model of the same architecture.
 * {@link dev.unrolled.Model#save} and {@link dev.unrolled.Model#load} delegate to
 * {@link dev.unrolled.files.ModelFile}, which documents the format; every unusable file is a
 * {@link dev.unrolled.files.ModelFileException} that names the file, what was found and what to do.
 *
 * <pre>{@code
 * model.save(Path.of("iris.unrl"));
 * Architecture stored = ModelFile.readArchitecture(Path.of("iris.unrl")); // which model to load it into
 * new IrisModel(0).load(Path.of("iris.unrl"));
 * }</pre>
 */
package dev.unrolled.files;
