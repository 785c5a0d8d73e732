// Texts per second of a function over a list of texts, on this process's one core: passes over the list until
// at least the given time has gone by, after one pass to warm the JIT and the lexicon caches.

export function textsPerSecond(texts: readonly string[], analyse: (text: string) => unknown, minimumMs = 1000): number {
  for (const text of texts) analyse(text);
  let done = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minimumMs) {
    for (const text of texts) analyse(text);
    done += texts.length;
    elapsed = performance.now() - started;
  }
  return done / (elapsed / 1000);
}
