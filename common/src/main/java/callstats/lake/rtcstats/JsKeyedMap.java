package callstats.lake.rtcstats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A string-keyed map that enumerates like a JavaScript object: keys that are canonical array indices
 * ("0", "1", ..., "4294967294") first in ascending numeric order, then the other keys in insertion order.
 * Replacing a value keeps the key's position; removing and re-adding a key moves it to the end.
 *
 * <p>The reference keys tracks by ssrc and stats reports by id in plain objects, so this order decides
 * the order of output track arrays (ascending ssrc, 4294967295 last) and of report visits.
 */
public final class JsKeyedMap<V> {

  private static final long MAX_ARRAY_INDEX = 4294967294L;

  private final TreeMap<Long, V> indexed = new TreeMap<>();
  private final LinkedHashMap<String, V> named = new LinkedHashMap<>();

  /** The array index a key denotes, or -1 when it is not a canonical array index. */
  static long arrayIndex(String key) {
    int n = key.length();
    if (n == 0 || n > 10 || (n > 1 && key.charAt(0) == '0')) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= MAX_ARRAY_INDEX ? value : -1;
  }

  public V get(String key) {
    long index = arrayIndex(key);
    return index >= 0 ? indexed.get(index) : named.get(key);
  }

  public boolean containsKey(String key) {
    long index = arrayIndex(key);
    return index >= 0 ? indexed.containsKey(index) : named.containsKey(key);
  }

  public void put(String key, V value) {
    long index = arrayIndex(key);
    if (index >= 0) {
      indexed.put(index, value);
    } else {
      named.put(key, value);
    }
  }

  public V computeIfAbsent(String key, Function<String, V> create) {
    V existing = get(key);
    if (existing != null) {
      return existing;
    }
    V created = create.apply(key);
    put(key, created);
    return created;
  }

  public V remove(String key) {
    long index = arrayIndex(key);
    return index >= 0 ? indexed.remove(index) : named.remove(key);
  }

  public int size() {
    return indexed.size() + named.size();
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /** The keys in enumeration order (a snapshot: safe to modify the map while iterating it). */
  public List<String> keys() {
    List<String> keys = new ArrayList<>(size());
    indexed.keySet().forEach(index -> keys.add(Long.toString(index)));
    keys.addAll(named.keySet());
    return keys;
  }

  /** Visits the entries in enumeration order; the map must not be modified meanwhile. */
  public void forEach(BiConsumer<String, V> action) {
    for (Map.Entry<Long, V> e : indexed.entrySet()) {
      action.accept(Long.toString(e.getKey()), e.getValue());
    }
    named.forEach(action);
  }

  /** The values in enumeration order. */
  public List<V> values() {
    List<V> values = new ArrayList<>(size());
    values.addAll(indexed.values());
    values.addAll(named.values());
    return values;
  }
}
