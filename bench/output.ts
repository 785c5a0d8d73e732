// Where results go: one JSON line per benchmark on stdout (for scripts and CI), prose on stderr (for people).

export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Prints a result as one JSON line; the fixed fields come first, as tools reading the line expect. */
export function emitResult(result: { bench: string } & Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
