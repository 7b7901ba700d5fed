package dev.unrolled.examples;

import dev.unrolled.History;
import dev.unrolled.train.EpochStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG of a fit's learning curves: loss on the left, accuracy on the right, training and
 * validation per epoch. The runtime only records the {@link History}; drawing is the examples' job,
 * so the runtime stays free of dependencies.
 */
public final class TrainingChart {
  private static final int WIDTH = 600;
  private static final int HEIGHT = 400;

  private TrainingChart() {}

  /** Writes {@code title}'s curves to {@code file} (a {@code .png}), creating its directory. */
  public static Path save(History history, String title, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true"); // charts on servers and in CI, no display needed
    List<EpochStats> epochs = history.epochs();
    List<XYChart> charts = new ArrayList<>();
    charts.add(chart(title + ": loss", "loss", Styler.LegendPosition.InsideNE, epochs, EpochStats::trainLoss,
        EpochStats::validationLoss));
    if (epochs.stream().anyMatch(e -> !Double.isNaN(e.trainAccuracy()))) {
      charts.add(chart(title + ": accuracy", "accuracy", Styler.LegendPosition.InsideSE, epochs,
          EpochStats::trainAccuracy, EpochStats::validationAccuracy));
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    BitmapEncoder.saveBitmap(new ArrayList<>(charts), 1, charts.size(), file.toString(),
        BitmapEncoder.BitmapFormat.PNG);
    return file;
  }

  private interface Metric {
    double of(EpochStats stats);
  }

  private static XYChart chart(String title, String yTitle, Styler.LegendPosition legend,
      List<EpochStats> epochs, Metric train, Metric validation) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("epoch").yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(legend);
    chart.getStyler().setXAxisDecimalPattern("#"); // whole epochs
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    addSeries(chart, "training", epochs, train);
    if (epochs.stream().anyMatch(e -> !Double.isNaN(validation.of(e)))) {
      addSeries(chart, "validation", epochs, validation);
    }
    return chart;
  }

  private static void addSeries(XYChart chart, String name, List<EpochStats> epochs, Metric metric) {
    double[] x = new double[epochs.size()];
    double[] y = new double[epochs.size()];
    for (int i = 0; i < epochs.size(); i++) {
      x[i] = epochs.get(i).epoch();
      y[i] = metric.of(epochs.get(i));
    }
    chart.addSeries(name, x, y).setMarker(epochs.size() > 30 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
  }
}
