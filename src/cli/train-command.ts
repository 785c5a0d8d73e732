// `rapport train --kind reason|sentiment (--from-cases | --file FILE.csv --text-column C --label-column L)`: trains
// a new version of a company's text model, prints its cross-validated figures per label and the version stored,
// and for sentiment whether it replaced the offline baseline.
import { basename } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { configFrom } from './config.ts';
import { exitAsUsageError, type Cli } from './io.ts';
import { readLabelledCsv } from './labelled-csv.ts';
import { openDatabase } from '../app/app.ts';
import { staffReasonLabels } from '../cases/index.ts';
import {
  MIN_EXAMPLES_PER_LABEL,
  MIN_LABELS,
  TEXT_MODEL_KINDS,
  trainTextModel,
  type LabelledExample,
  type TextModelKind,
  type TextModelMetrics,
} from '../listening/index.ts';

interface TrainCommandOptions {
  kind: TextModelKind;
  fromCases?: boolean;
  file?: string;
  textColumn?: string;
  labelColumn?: string;
}

const HELP = `
Labels come from the cases (--from-cases: each case whose reason a staff member set or corrected, with its
first inbound message; reasons only) or from a CSV file with a header row. At least ${MIN_LABELS} labels with
${MIN_EXAMPLES_PER_LABEL} examples each are needed. The figures are 5-fold cross-validated. A reason model is put
in use at once; a sentiment model only when it beats the offline baseline on the same texts.
Exit status: 0 trained, 2 usage error, unreadable file or too few labels.

Examples:
  rapport train --kind reason --from-cases
  rapport train --kind sentiment --file tweets.csv --text-column text --label-column sentiment
`;

export function registerTrainCommand(program: Command, cli: Cli): void {
  program
    .command('train')
    .description("Train a new version of a text model (contact reasons or sentiment) on the company's own labels")
    .addOption(new Option('--kind <kind>', 'what the model predicts').choices(TEXT_MODEL_KINDS).makeOptionMandatory())
    .option('--from-cases', 'train on the reasons staff set on cases')
    .option('--file <file>', 'CSV with a header row: texts and their labels')
    .option('--text-column <name>', 'the column holding the text (with --file)')
    .option('--label-column <name>', 'the column holding the label (with --file)')
    .addHelpText('after', HELP)
    .exitOverride(exitAsUsageError)
    .action(async (options: TrainCommandOptions, command: Command) => {
      const source = await readLabels(options);
      const db = await openDatabase(configFrom(command, cli));
      try {
        const examples = source.examples ?? (await staffReasonLabels(db));
        const outcome = await trainTextModel(db, {
          kind: options.kind,
          examples,
          trainedOn: source.name,
          createdBy: null,
        });
        cli.print(figuresTable(outcome.model.metrics));
        cli.print(
          `${options.kind} model version ${outcome.model.version} stored (${outcome.model.id}), trained on ` +
            `${outcome.model.trainedOn.examples} examples from ${source.name}: ${outcome.verdict}`,
        );
      } finally {
        await db.close();
      }
    });
}

/** The examples of a file, or null for the cases (read once the database is open). */
async function readLabels(options: TrainCommandOptions): Promise<{ name: string; examples: LabelledExample[] | null }> {
  if (options.fromCases && options.file) throw new InvalidArgumentError('Give --from-cases or --file, not both');
  if (options.fromCases) {
    if (options.kind !== 'reason') {
      throw new InvalidArgumentError('Cases carry reasons, not sentiment: train sentiment with --file');
    }
    return { name: 'cases', examples: null };
  }
  if (!options.file) throw new InvalidArgumentError('Say where the labels are: --from-cases or --file FILE.csv');
  if (!options.textColumn || !options.labelColumn) {
    throw new InvalidArgumentError('--file needs --text-column and --label-column');
  }
  return {
    name: basename(options.file),
    examples: await readLabelledCsv(options.file, {
      textColumn: options.textColumn,
      labelColumn: options.labelColumn,
    }),
  };
}

/** A row per label (precision, recall, F1, support), then the macro-F1, accuracy and, for sentiment, the baseline. */
function figuresTable(metrics: TextModelMetrics): string {
  const width = Math.max(5, ...metrics.perLabel.map((row) => row.label.length));
  const lines = [
    `${'label'.padEnd(width)}  precision  recall  f1     support`,
    ...metrics.perLabel.map(
      (row) =>
        `${row.label.padEnd(width)}  ${row.precision.toFixed(3).padEnd(9)}  ${row.recall.toFixed(3).padEnd(6)}  ` +
        `${row.f1.toFixed(3).padEnd(5)}  ${row.support}`,
    ),
    `macroF1=${metrics.macroF1.toFixed(4)} accuracy=${metrics.accuracy.toFixed(4)}${
      metrics.baselineMacroF1 === undefined ? '' : ` baselineMacroF1=${metrics.baselineMacroF1.toFixed(4)}`
    }`,
  ];
  return lines.join('\n');
}
