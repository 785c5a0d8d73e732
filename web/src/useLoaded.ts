// Loads something for a screen and can load it again after a change, keeping the old value on screen meanwhile.
import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

/** `const [keys, reloadKeys] = useLoaded(api.writeKeys);` — `load` is read once, on the first render. */
export function useLoaded<T>(load: () => Promise<T>): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setLoaded({ state: 'ready', value }),
      (error: unknown) => current && setLoaded({ state: 'failed', error }),
    );
    // An answer to an older load must not overwrite a newer one.
    return () => {
      current = false;
    };
  }, [generation]);
  const reload = useCallback(() => setGeneration((count) => count + 1), []);
  return [loaded, reload];
}
