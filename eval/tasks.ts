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
  type LabelledText,
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
  /** L2 strengths to choose among. */
  regularisation: readonly number[];
  /**
   * Powers of the annotators' confidence to weigh training examples by, to choose among (0: every example
   * counts 1). Doubted labels are noise; weighing them down was measured +0.01 to +0.02 macro-F1 for sentiment.
   */
  confidencePower: readonly number[];
}

const FOLDS = 5;
const SEED = 1;
// A feature seen in one training text only is noise, and dropping them makes a model a third smaller.
const MIN_DOCUMENTS = 2;

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
    // The baseline's lexicons as '<positive>'/'<negative>' words: measured +0.01 macro-F1 (mean of three seeds);
    // its five scores as dense features (sentimentSignals) gave +0.005 alone and −0.007 beside them.
    training: { seed: SEED, features: { lexiconPolarity: true, minDocuments: MIN_DOCUMENTS } },
    regularisation: [1e-5, 3e-5],
    confidencePower: [0, 3],
  },
  {
    name: 'reason',
    file: AIRLINE_TWEETS,
    split: (rows) => splitAirlineTweets(rows, 'reason'),
    baselines: {
      baseline: `n/a: src/cases/reason.ts guesses a shop's reasons (${['refund', 'delivery', 'billing'].join(', ')}…), none of the airline's`,
    },
    training: { seed: SEED, features: { minDocuments: MIN_DOCUMENTS } },
    regularisation: [1e-4, 3e-4, 1e-3],
    confidencePower: [0, 1],
  },
  {
    name: 'intent',
    file: AIRLINE_INTENTS,
    split: splitAirlineIntents,
    baselines: { baseline: 'n/a: no keyword guesser knows the annotated intents (DELAY, BAGGAGE, TERMOPS…)' },
    // 388 training texts: every feature counts.
    training: { seed: SEED },
    regularisation: [3e-5, 1e-4, 3e-4],
    confidencePower: [0],
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
  const candidates = task.regularisation.flatMap((regularisation) =>
    task.confidencePower.map((power) => {
      const options = { ...task.training, regularisation };
      const training = weighByConfidence(split.train, power);
      return { options, power, training, score: crossValidate(training, FOLDS, options) };
    }),
  );
  const chosen = candidates.reduce((best, candidate) =>
    candidate.score.macroF1 > best.score.macroF1 ? candidate : best,
  );
  notes.push(
    `chosen by ${FOLDS}-fold cross-validation on the training part (L2, confidence power → macro-F1): ${candidates
      .map(({ options, power, score }) => `${options.regularisation}, ${power} → ${score.macroF1.toFixed(3)}`)
      .join('; ')}; kept ${chosen.options.regularisation}, ${chosen.power}`,
  );
  const started = performance.now();
  const model = trainClassifier(chosen.training, chosen.options);
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

/** Training examples weighed by their annotators' confidence to a power (0: all weigh 1). */
function weighByConfidence(examples: readonly LabelledText[], power: number): LabelledText[] {
  if (power === 0) return [...examples];
  return examples.map((example) => ({ ...example, weight: (example.confidence ?? 1) ** power }));
}

function row(task: string, model: string, score: ClassifierScore, rate: number): Figures {
  return { eval: task, model, accuracy: score.accuracy, macroF1: score.macroF1, textsPerSecond: rate };
}
