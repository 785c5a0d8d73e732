// The three evaluation tasks: each names its split, the reference and baseline scorers that apply to it, and
// the classifier settings to choose among by cross-validation on the training part.
import {
  analyseMessage,
  analyseSentiment,
  classify,
  crossValidate,
  scoreClassifier,
  serialiseModel,
  trainClassifier,
  type ClassifierScore,
  type TrainingOptions,
} from '../src/listening/index.ts';
import {
  AIRLINE_INTENTS,
  AIRLINE_TWEETS,
  readRows,
  splitAirlineIntents,
  splitAirlineTweets,
  type Split,
} from './data.ts';
import { afinnLabel, vaderLabel } from './references.ts';
import { textsPerSecond } from './speed.ts';

/** One row of figures. */
export interface Figures {
  eval: string;
  model: string;
  accuracy: number | null;
  macroF1: number | null;
  textsPerSecond: number | null;
  note?: string;
}

export interface TaskReport {
  name: string;
  split: Split;
  rows: Figures[];
  /** Lines said about the run (choice of settings, model size, training time). */
  notes: string[];
}

interface Task {
  name: string;
  file: string;
  split: (rows: Record<string, string>[]) => Split;
  /** Scorers that need no training, by row name; a string instead says why none applies. */
  baselines: Record<string, ((text: string) => string) | string>;
  /** Settings every candidate shares. */
  training: TrainingOptions;
}

/** L2 strengths tried by 3-fold cross-validation on the training part. */
const REGULARISATION_GRID = [1e-5, 3e-5, 1e-4];
const FOLDS = 3;
const SEED = 1;

export const TASKS: readonly Task[] = [
  {
    name: 'sentiment',
    file: AIRLINE_TWEETS,
    split: (rows) => splitAirlineTweets(rows, 'sentiment'),
    baselines: {
      baseline: (text) => analyseSentiment(text).label,
      vader: vaderLabel,
      afinn: afinnLabel,
    },
    // The baseline's scores as five more features: measured +0.005 to +0.01 macro-F1.
    training: { seed: SEED, features: { sentimentSignals: true } },
  },
  {
    name: 'reason',
    file: AIRLINE_TWEETS,
    split: (rows) => splitAirlineTweets(rows, 'reason'),
    baselines: {
      baseline: `n/a: src/cases/reason.ts guesses a shop's reasons (${['refund', 'delivery', 'billing'].join(', ')}…), none of the airline's`,
    },
    training: { seed: SEED },
  },
  {
    name: 'intent',
    file: AIRLINE_INTENTS,
    split: splitAirlineIntents,
    baselines: { baseline: 'n/a: no keyword guesser knows the annotated intents (DELAY, BAGGAGE, TERMOPS…)' },
    training: { seed: SEED },
  },
];

/** Runs a task on the data folder; null when its file is not there. */
export function runTask(task: Task, dataDir: string): TaskReport | null {
  const rows = readRows(dataDir, task.file);
  if (!rows) return null;
  const split = task.split(rows);
  const truths = split.test.map((example) => example.label);
  const texts = split.test.map((example) => example.text);
  const figures: Figures[] = [];
  const notes: string[] = [];
  for (const [model, scorer] of Object.entries(task.baselines)) {
    if (typeof scorer === 'string') {
      figures.push({ eval: task.name, model, accuracy: null, macroF1: null, textsPerSecond: null, note: scorer });
      continue;
    }
    const score = scoreClassifier(texts.map(scorer), truths);
    figures.push(row(task.name, model, score, textsPerSecond(texts, scorer)));
  }
  const candidates = REGULARISATION_GRID.map((regularisation) => {
    const options = { ...task.training, regularisation };
    return { options, score: crossValidate(split.train, FOLDS, options) };
  });
  const chosen = candidates.reduce((best, candidate) =>
    candidate.score.macroF1 > best.score.macroF1 ? candidate : best,
  );
  notes.push(
    `L2 chosen by ${FOLDS}-fold cross-validation on the training part: ${candidates
      .map(({ options, score }) => `${options.regularisation} → ${score.macroF1.toFixed(3)}`)
      .join(', ')}; kept ${chosen.options.regularisation}`,
  );
  const started = performance.now();
  const model = trainClassifier(split.train, chosen.options);
  const trainingSeconds = (performance.now() - started) / 1000;
  notes.push(
    `trained on ${split.train.length} texts in ${trainingSeconds.toFixed(1)} s; the model is ${Buffer.byteLength(serialiseModel(model))} bytes of JSON`,
  );
  const predict = (text: string) => classify(model, text).label;
  figures.push(
    row(task.name, 'classifier', scoreClassifier(texts.map(predict), truths), textsPerSecond(texts, predict)),
  );
  if (task.name === 'sentiment') {
    // The three together as analyseMessage reads them: one tokenization for all three.
    const allThree = (text: string) => analyseMessage(text);
    figures.push({
      eval: 'listening',
      model: 'sentiment+urgency+language',
      accuracy: null,
      macroF1: null,
      textsPerSecond: textsPerSecond(texts, allThree),
    });
  }
  return { name: task.name, split, rows: figures, notes };
}

function row(task: string, model: string, score: ClassifierScore, rate: number): Figures {
  return { eval: task, model, accuracy: score.accuracy, macroF1: score.macroF1, textsPerSecond: rate };
}
