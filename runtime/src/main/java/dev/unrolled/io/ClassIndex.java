package dev.unrolled.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects class names row by row and turns them into indices once all are known: the integers
 * themselves when every name is a non-negative integer, else the names' sorted order.
 */
final class ClassIndex {
  /** More classes than this from integer labels means the column holds values, not class indices. */
  static final int MAX_INTEGER_CLASSES = 1 << 16;

  record Classes(int[] indices, List<String> names) {}

  private final Map<String, Integer> ids = new HashMap<>(); // provisional: order of first appearance
  private final List<String> names = new ArrayList<>();
  private final List<Long> firstLines = new ArrayList<>();
  private int[] rows = new int[256];
  private int size;

  void add(String name, long line) {
    Integer id = ids.get(name);
    if (id == null) {
      id = names.size();
      ids.put(name, id);
      names.add(name);
      firstLines.add(line);
    }
    if (size == rows.length) {
      rows = Arrays.copyOf(rows, size * 2);
    }
    rows[size++] = id;
  }

  int size() {
    return size;
  }

  Classes finish(String source) throws DataFileException {
    int[] index = new int[names.size()];
    List<String> classNames = integerNames(source, index);
    if (classNames == null) {
      classNames = new ArrayList<>(names);
      Collections.sort(classNames);
      for (int id = 0; id < index.length; id++) {
        index[id] = Collections.binarySearch(classNames, names.get(id));
      }
    }
    int[] indices = new int[size];
    for (int r = 0; r < size; r++) {
      indices[r] = index[rows[r]];
    }
    return new Classes(indices, List.copyOf(classNames));
  }

  /** "0".."max" with {@code index[id]} set, if every name is a non-negative integer; else null. */
  private List<String> integerNames(String source, int[] index) throws DataFileException {
    int max = -1;
    for (int id = 0; id < names.size(); id++) {
      String name = names.get(id);
      if (name.length() > 9 || !name.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        return null;
      }
      index[id] = Integer.parseInt(name);
      max = Math.max(max, index[id]);
    }
    if (max >= MAX_INTEGER_CLASSES) {
      int id = indexOf(index, max);
      throw new DataFileException(source, firstLines.get(id), source + " line " + firstLines.get(id)
          + " has label " + names.get(id) + ", which as a class index would make " + (max + 1L) + " classes (at most "
          + MAX_INTEGER_CLASSES + "); integer labels are class indices 0..n-1, so renumber the classes or "
          + "check that the label column is the right one");
    }
    List<String> classNames = new ArrayList<>(max + 1);
    for (int c = 0; c <= max; c++) {
      classNames.add(Integer.toString(c));
    }
    return classNames;
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
