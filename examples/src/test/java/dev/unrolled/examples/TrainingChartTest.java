package dev.unrolled.examples;

import static com.google.common.truth.Truth.assertThat;

import dev.unrolled.Dataset;
import dev.unrolled.FitOptions;
import dev.unrolled.History;
import dev.unrolled.Optimizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learning-curve PNGs: the right size, and curves actually drawn on them. */
class TrainingChartTest {
  @TempDir Path dir;

  @Test
  void aClassifierGetsLossAndAccuracySideBySide() throws IOException {
    Dataset.Split parts = Spirals.data(100, 3).stratifiedSplit(0.8, 1);
    Spirals_ClassifierTrainer trainer =
        new Spirals_ClassifierTrainer(new Spirals_ClassifierModel(1), Optimizer.adam(0.01));
    History history = trainer.fit(parts.train(), FitOptions.epochs(20).validation(parts.validation()));

    BufferedImage image = ImageIO.read(TrainingChart.save(history, "spirals", dir.resolve("a/b/spirals.png")).toFile());

    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(400);
    assertDrawn(image);
  }

  @Test
  void aRegressionHasNoAccuracyPanel() throws IOException {
    History history = Sine.fit(FitOptions.epochs(10)).history();

    BufferedImage image = ImageIO.read(TrainingChart.save(history, "sine", dir.resolve("sine.png")).toFile());

    assertThat(image.getWidth()).isEqualTo(600);
    assertThat(image.getHeight()).isEqualTo(400);
    assertDrawn(image);
  }

  /** Not blank: many colours (text, axes, anti-aliased curves) and a fair share of non-background pixels. */
  private static void assertDrawn(BufferedImage image) {
    int background = image.getRGB(0, 0);
    Set<Integer> colours = new HashSet<>();
    long differing = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        colours.add(rgb);
        if (rgb != background) {
          differing++;
        }
      }
    }
    assertThat(colours.size()).isGreaterThan(20);
    assertThat((double) differing / ((long) image.getWidth() * image.getHeight())).isGreaterThan(0.05);
  }
}
