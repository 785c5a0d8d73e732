// `rapport import FILE`: placeholder until the importer lands (being written now).
import type { Command } from 'commander';

export function registerImportCommand(program: Command): void {
  void program;
}
