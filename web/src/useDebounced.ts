// Holds back a fast-changing value (typed search text) until it has been still for `delayMs`.
import { useEffect, useState } from 'react';

export function useDebounced<T>(value: T, delayMs: number): [T, (now: T) => void] {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  // Enter should not wait for the timer.
  return [settled, setSettled];
}
