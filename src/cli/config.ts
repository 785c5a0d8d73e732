// The configuration every command runs with: the environment, with --data-dir over RAPPORT_DATA_DIR.
import type { Command } from 'commander';
import { loadConfig, type Config } from '../app/config.ts';

export function configFrom(command: Command): Config {
  const dataDir = command.optsWithGlobals<{ dataDir?: string }>().dataDir;
  return loadConfig(process.env, dataDir ? { dataDir } : {});
}
