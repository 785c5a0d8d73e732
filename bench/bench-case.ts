// What every benchmark case is given and what it provides; main.ts runs the registered cases in order.
import type { Dataset } from './dataset.ts';
import type { BenchOptions } from './options.ts';
import type { Workspace } from './workspace.ts';

export interface BenchEnvironment {
  options: BenchOptions;
  workspace: Workspace;
  /** The ingested pipeline database, once a case has built it; later cases reuse it. */
  dataset: Dataset | null;
}

export interface BenchCase {
  /** What `--only` names. */
  name: string;
  /** Runs, reports on stderr as it goes, and emits its JSON line. */
  run(env: BenchEnvironment): Promise<void>;
}
