/**
 * Streaming readers for training data, JDK only: {@link dev.unrolled.io.CsvReader} for labelled CSV
 * tables and {@link dev.unrolled.io.IdxReader} for IDX files (MNIST and Fashion-MNIST). Both read a
 * file in one pass without holding its text, gunzip it when it starts with the gzip magic bytes
 * whatever its name, and report a bad file with a {@link dev.unrolled.io.DataFileException} that
 * names the file, the place and what was expected.
 *
 * <pre>{@code
 * LabeledData iris = CsvReader.withHeader().labelColumn("species").read(Path.of("iris.csv"));
 * Dataset train = IdxReader.readDataset(Path.of("train-images-idx3-ubyte.gz"),
 *     Path.of("train-labels-idx1-ubyte.gz"));
 * }</pre>
 */
package dev.unrolled.io;
