package dev.unrolled.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The report's section "Batch lanes against rows: the crossover", from {@link LaneCrossover}'s
 * results: per backend a table of width × batch, each cell the median ratio of a lanes step's time
 * to a rows step's time with its 95% interval (in bold where the whole interval is below 1, i.e.
 * lanes measurably faster), and the shape the planner picks for that width.
 */
final class CrossoverSection {
  static final String TITLE = "## Batch lanes against rows: the crossover";

  private CrossoverSection() {}

  static void write(Markdown md, List<CrossoverResults> results) {
    md.line(TITLE).blank();
    if (results.stream().allMatch(CrossoverResults::isEmpty)) {
      md.line("`LaneCrossover`: " + Markdown.NOT_MEASURED + " (no results in this run; `benchmarks/regenerate.sh"
          + " --only crossover` measures it).").blank();
      return;
    }
    md.line("`LaneCrossover` trains W → W (tanh) → W (MSE, float, SGD) compiled twice from one declaration, with")
        .line("`-Aunrolled.shape=lanes` (the batch in the lanes) and `-Aunrolled.shape=rows` (the planner's other")
        .line("shapes: unrolled, looped or vector tiles), and times their steps in paired rounds in one JVM per")
        .line("backend (order alternated, reversed every two rounds). Each cell is the median over the rounds of")
        .line("the lanes block's CPU time over the rows block's, with a seeded bootstrap 95% interval: below 1 the")
        .line("lanes are faster, **bold** where the whole interval is below 1. The plain backend's lanes are a")
        .line("vector-backend lane network run without `jdk.incubator.vector`, i.e. its plain loops over the")
        .line("samples: what lanes in the plain backend would give. The last column is the code shape the")
        .line("planner picks for that width (from the declaration alone).").blank();
    for (CrossoverResults backend : results) {
      if (backend.isEmpty()) {
        md.line("### " + backend.backend() + " backend").blank().line(Markdown.NOT_MEASURED + ".").blank();
        continue;
      }
      table(md, backend);
    }
  }

  private static void table(Markdown md, CrossoverResults backend) {
    TreeSet<Integer> widths = new TreeSet<>();
    TreeSet<Integer> batches = new TreeSet<>();
    for (CrossoverResults.Cell c : backend.cells()) {
      widths.add(c.width());
      batches.add(c.batch());
    }
    md.line("### " + backend.backend() + " backend").blank()
        .line("JDK " + backend.condition("java_version", "?") + ", " + backend.condition("rounds", "?")
            + " rounds per cell of blocks of about " + backend.condition("block_ms", "?") + " ms per shape,"
            + " warm-up per width until a round passes without JIT compilation (at most "
            + backend.condition("warmup_seconds_per_width", "?") + " s; widths where it did not settle: "
            + backend.condition("warmup_unsettled_widths", "?").replace("[]", "none") + "), "
            + backend.condition("seconds", "?")
            + " s measured; load " + backend.condition("load_start", "?")
            + " → " + backend.condition("load_end", "?") + ".").blank();
    List<String> header = new ArrayList<>(List.of("width"));
    batches.forEach(b -> header.add("batch " + b));
    header.add("planner picks");
    List<List<String>> rows = new ArrayList<>();
    for (int width : widths) {
      List<String> row = new ArrayList<>(List.of(String.valueOf(width)));
      String planner = "—";
      for (int batch : batches) {
        CrossoverResults.Cell c = backend.cell(width, batch);
        row.add(c == null ? "—" : cellText(c));
        if (c != null) {
          planner = c.planner();
        }
      }
      row.add(planner);
      rows.add(row);
    }
    md.table("r" + "r".repeat(batches.size()) + "l", header, rows);
  }

  /** "**0.62×** (0.60–0.65)" when lanes are measurably faster, else "1.40× (1.31–1.41)". */
  static String cellText(CrossoverResults.Cell c) {
    String ratio = Markdown.fixed(c.ratio(), 2) + "×";
    return (c.lanesFaster() ? "**" + ratio + "**" : ratio) + " (" + Markdown.fixed(c.low(), 2) + "–"
        + Markdown.fixed(c.high(), 2) + ")";
  }
}
