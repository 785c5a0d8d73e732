// Comma-separated lists typed into one box (skills, keywords, reasons), as the arrays the API takes.

/** `"billing, French ,billing"` → `['billing', 'French']`: trimmed, empty items and repeats dropped. */
export function listOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

export function listText(items: readonly string[] | undefined): string {
  return (items ?? []).join(', ');
}
