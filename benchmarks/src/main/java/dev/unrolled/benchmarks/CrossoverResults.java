package dev.unrolled.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link LaneCrossover}'s results for one backend, as it writes them
 * ({@code crossover-<backend>.json}) and the report reads them: per width × batch cell, the
 * median over the rounds of the lanes block's time over the rows block's (below 1: lanes faster)
 * with its bootstrap 95% interval, on CPU time and (median only) on wall time, the microseconds per
 * step of each shape, and the code shape the planner picks for that width; the run's conditions.
 */
final class CrossoverResults {
  static final List<String> BACKENDS = List.of("vector", "plain");

  /** One width × batch cell. {@code ratio}, {@code low}, {@code high}: lanes time over rows time. */
  record Cell(int width, int batch, int steps, double ratio, double low, double high, double wallRatio,
      double lanesMicros, double rowsMicros, String planner) {

    static Cell of(int width, int batch, int steps, long[] lanesCpu, long[] rowsCpu, long[] lanesWall,
        long[] rowsWall, String planner) {
      double[] ratios = ratios(lanesCpu, rowsCpu);
      double[] interval = Bootstrap.medianInterval(ratios, PairedCosts.RESAMPLES, PairedCosts.SEED, PairedCosts.LEVEL);
      return new Cell(width, batch, steps, Bootstrap.median(ratios), interval[0], interval[1],
          Bootstrap.median(ratios(lanesWall, rowsWall)), micros(lanesCpu, steps), micros(rowsCpu, steps), planner);
    }

    /** Per round: lanes time over rows time ({@link PairedCosts#costs} + 1). */
    private static double[] ratios(long[] lanes, long[] rows) {
      double[] costs = PairedCosts.costs(lanes, rows);
      for (int r = 0; r < costs.length; r++) {
        costs[r] += 1;
      }
      return costs;
    }

    private static double micros(long[] nanos, int steps) {
      double[] perStep = new double[nanos.length];
      for (int r = 0; r < nanos.length; r++) {
        perStep[r] = nanos[r] / 1e3 / steps;
      }
      return Bootstrap.median(perStep);
    }

    /** Whether the whole interval lies below 1: lanes measurably faster. */
    boolean lanesFaster() {
      return high < 1;
    }

    boolean rowsFaster() {
      return low > 1;
    }
  }

  private final String backend;
  private final Map<String, String> conditions = new LinkedHashMap<>();
  private final List<Cell> cells = new ArrayList<>();

  CrossoverResults(String backend) {
    this.backend = backend;
  }

  String backend() {
    return backend;
  }

  void putCondition(String key, String value) {
    conditions.put(key, value);
  }

  String condition(String key, String otherwise) {
    String value = conditions.get(key);
    return value == null || value.isBlank() ? otherwise : value;
  }

  void add(Cell cell) {
    cells.add(cell);
  }

  List<Cell> cells() {
    return List.copyOf(cells);
  }

  boolean isEmpty() {
    return cells.isEmpty();
  }

  /** The cell of {@code width} and {@code batch}, or null when not measured. */
  Cell cell(int width, int batch) {
    return cells.stream().filter(c -> c.width() == width && c.batch() == batch).findFirst().orElse(null);
  }

  String toJson() {
    StringBuilder json = new StringBuilder("{\n  \"backend\": ").append(quote(backend)).append(",\n");
    json.append("  \"conditions\": {");
    String separator = "\n";
    for (Map.Entry<String, String> e : conditions.entrySet()) {
      json.append(separator).append("    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
      separator = ",\n";
    }
    json.append("\n  },\n  \"cells\": [");
    separator = "\n";
    for (Cell c : cells) {
      json.append(separator).append(String.format(Locale.ROOT, "    {\"width\": %d, \"batch\": %d, \"steps\": %d,"
              + " \"ratio\": %.5f, \"low\": %.5f, \"high\": %.5f, \"wall_ratio\": %.5f, \"lanes_us\": %.4f,"
              + " \"rows_us\": %.4f, \"planner\": %s}", c.width(), c.batch(), c.steps(), c.ratio(), c.low(), c.high(),
          c.wallRatio(), c.lanesMicros(), c.rowsMicros(), quote(c.planner())));
      separator = ",\n";
    }
    return json.append("\n  ]\n}\n").toString();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The results in {@code file}; empty (for {@code backend}) when there is none. */
  @SuppressWarnings("unchecked")
  static CrossoverResults read(Path file, String backend) throws IOException {
    if (!Files.isRegularFile(file)) {
      return new CrossoverResults(backend);
    }
    Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(file));
    CrossoverResults results = new CrossoverResults((String) json.get("backend"));
    ((Map<String, Object>) json.get("conditions")).forEach((k, v) -> results.putCondition(k, String.valueOf(v)));
    for (Object o : (List<Object>) json.get("cells")) {
      Map<String, Object> c = (Map<String, Object>) o;
      results.add(new Cell(integer(c, "width"), integer(c, "batch"), integer(c, "steps"), number(c, "ratio"),
          number(c, "low"), number(c, "high"), number(c, "wall_ratio"), number(c, "lanes_us"), number(c, "rows_us"),
          (String) c.get("planner")));
    }
    return results;
  }

  private static int integer(Map<String, Object> c, String key) {
    return (int) number(c, key);
  }

  private static double number(Map<String, Object> c, String key) {
    Object value = c.get(key);
    return value instanceof Double d ? d : Double.NaN;
  }

  /** The console table: one line per cell. */
  String summary() {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "%s backend: %s rounds per cell, blocks of ~%s ms, %s s; load %s -> %s%n", backend,
        condition("rounds", "?"), condition("block_ms", "?"), condition("seconds", "?"),
        condition("load_start", "?"), condition("load_end", "?")));
    text.append(String.format(Locale.ROOT, "%6s %6s %24s %10s %10s %10s  %s%n", "width", "batch",
        "lanes/rows CPU (95%)", "wall", "lanes µs", "rows µs", "planner"));
    for (Cell c : cells) {
      text.append(String.format(Locale.ROOT, "%6d %6d %24s %10.3f %10.2f %10.2f  %s%n", c.width(), c.batch(),
          ratioText(c), c.wallRatio(), c.lanesMicros(), c.rowsMicros(), c.planner()));
    }
    return text.toString();
  }

  /** "0.62× (0.60–0.65)". */
  static String ratioText(Cell c) {
    return String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", c.ratio(), c.low(), c.high());
  }
}
