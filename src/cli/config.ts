// The configuration every command runs with: the environment, with --data-dir over RAPPORT_DATA_DIR.
import type { Command } from 'commander';
import { loadConfig, type Config } from '../app/config.ts';
import type { Cli } from './io.ts';

export function configFrom(command: Command, cli: Cli): Config {
  const dataDir = command.optsWithGlobals<{ dataDir?: string }>().dataDir;
  return loadConfig(cli.env, dataDir ? { dataDir } : {});
}
