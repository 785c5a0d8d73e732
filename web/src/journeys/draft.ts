// A journey as the editor holds it and turns it into what the API takes: a matcher's lists typed one per line,
// channels ticked, the direction chosen (or any), targets with their value as typed. Pure, so it is tested without
// a browser; the rules of a journey (at least one matcher field, a value on the metric's scale, …) are the server's,
// shown beside their fields.
import { z } from 'zod';
import { METRIC_ORDER, METRICS } from './metrics.ts';
import type {
  Comparator,
  Journey,
  JourneyStage,
  JourneyTouchpoint,
  MatcherChannel,
  MatcherDirection,
  NewJourney,
  TargetMetric,
  TouchpointMatcher,
} from './types.ts';

export interface TargetDraft {
  metric: TargetMetric;
  comparator: Comparator;
  value: string;
}

export interface MatcherDraft {
  /** One per line, as the lists below. */
  events: string;
  channels: MatcherChannel[];
  types: string;
  reasons: string;
  pages: string;
  direction: MatcherDirection | '';
}

export interface TouchpointDraft {
  /** Kept from the saved journey (so its report keeps it); absent for a new touchpoint. */
  id?: string;
  name: string;
  matcher: MatcherDraft;
  targets: TargetDraft[];
}

export interface StageDraft {
  id?: string;
  name: string;
  touchpoints: TouchpointDraft[];
}

export interface JourneyDraft {
  name: string;
  description: string;
  episodeDays: string;
  stages: StageDraft[];
}

const lines = (values: readonly string[] | undefined) => (values ?? []).join('\n');

function matcherDraftOf(matcher: TouchpointMatcher): MatcherDraft {
  return {
    events: lines(matcher.events),
    channels: [...(matcher.channels ?? [])],
    types: lines(matcher.types),
    reasons: lines(matcher.reasons),
    pages: lines(matcher.pages),
    direction: matcher.direction ?? '',
  };
}

export function newTouchpoint(): TouchpointDraft {
  return {
    name: '',
    matcher: { events: '', channels: [], types: '', reasons: '', pages: '', direction: '' },
    targets: [],
  };
}

export function newStage(): StageDraft {
  return { name: '', touchpoints: [newTouchpoint()] };
}

/** A new target of a metric, with the comparator such a target usually has. */
export function newTarget(metric: TargetMetric = 'completion'): TargetDraft {
  return { metric, comparator: METRICS[metric].usual, value: '' };
}

function touchpointDraftOf(touchpoint: JourneyTouchpoint): TouchpointDraft {
  return {
    id: touchpoint.id,
    name: touchpoint.name,
    matcher: matcherDraftOf(touchpoint.matcher),
    targets: touchpoint.targets.map((target) => ({ ...target, value: String(target.value) })),
  };
}

/** Where the editor starts: the journey as saved, or one stage with one touchpoint to fill in. */
export function draftOf(journey: Journey | null): JourneyDraft {
  if (!journey) return { name: '', description: '', episodeDays: '30', stages: [newStage()] };
  return {
    name: journey.name,
    description: journey.description,
    episodeDays: String(journey.episodeDays),
    stages: journey.stages.map((stage: JourneyStage) => ({
      id: stage.id,
      name: stage.name,
      touchpoints: stage.touchpoints.map(touchpointDraftOf),
    })),
  };
}

/** The values of a list typed one per line (or, for types, with commas): blank ones left out. */
export function listOf(text: string, separators = /\n/): string[] | undefined {
  const values = text
    .split(separators)
    .map((value) => value.trim())
    .filter(Boolean);
  return values.length ? values : undefined;
}

function matcherOf(draft: MatcherDraft): TouchpointMatcher {
  const matcher: TouchpointMatcher = {
    events: listOf(draft.events),
    channels: draft.channels.length ? draft.channels : undefined,
    types: listOf(draft.types, /[\n,]/),
    reasons: listOf(draft.reasons, /[\n,]/),
    pages: listOf(draft.pages),
    direction: draft.direction || undefined,
  };
  return Object.fromEntries(Object.entries(matcher).filter(([, value]) => value !== undefined));
}

// Numbers are checked here only for being numbers; their ranges are the server's rules.
const number = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, 'Write a number, such as 60 or 4.5')
  .transform(Number);

const targetDraftSchema = z.object({
  metric: z.enum(METRIC_ORDER),
  comparator: z.enum(['atMost', 'atLeast']),
  value: number,
});

/** The draft as the API takes it. */
export function journeyDraftSchema() {
  return z
    .object({
      name: z.string(),
      description: z.string(),
      episodeDays: z.string().trim().regex(/^\d+$/, 'Write a whole number of days').transform(Number),
      stages: z.array(
        z.object({
          id: z.string().optional(),
          name: z.string(),
          touchpoints: z.array(
            z.object({
              id: z.string().optional(),
              name: z.string(),
              matcher: z.custom<MatcherDraft>(),
              targets: z.array(targetDraftSchema),
            }),
          ),
        }),
      ),
    })
    .transform(
      (draft): NewJourney => ({
        name: draft.name,
        description: draft.description,
        episodeDays: draft.episodeDays,
        stages: draft.stages.map((stage) => ({
          ...(stage.id ? { id: stage.id } : {}),
          name: stage.name,
          touchpoints: stage.touchpoints.map((touchpoint) => ({
            ...(touchpoint.id ? { id: touchpoint.id } : {}),
            name: touchpoint.name,
            matcher: matcherOf(touchpoint.matcher),
            targets: touchpoint.targets.map((target) => ({
              metric: target.metric,
              comparator: target.comparator,
              value: target.value,
            })),
          })),
        })),
      }),
    );
}

export type JourneyInput = z.output<ReturnType<typeof journeyDraftSchema>>;

/** The most the editor places refusals beside: the API's limits (12 stages, 40 touchpoints, 10 targets each). */
const MAX_STAGES = 12;
const MAX_TOUCHPOINTS_PER_STAGE = 40;
const MAX_TARGETS = 10;
const MATCHER_FIELDS = ['events', 'channels', 'types', 'reasons', 'pages', 'direction'] as const;

let fieldNames: string[] | null = null;
let renames: Record<string, string> | null = null;

/** A place that holds others (the stages, a stage, a touchpoint, its matcher and targets): its message in `root`. */
const isContainer = (name: string) => /(^stages|\.\d+|\.touchpoints|\.matcher|\.targets)$/.test(name);

/**
 * The API's field names the editor shows beside a field; a deeper name (`…matcher.channels.0`) goes to the nearest
 * of them. Made once: every place a stage, touchpoint or target can be.
 */
export function journeyFieldNames(): string[] {
  if (fieldNames) return fieldNames;
  const names = ['name', 'description', 'episodeDays', 'stages'];
  for (let s = 0; s < MAX_STAGES; s += 1) {
    const stage = `stages.${s}`;
    names.push(stage, `${stage}.name`, `${stage}.touchpoints`);
    for (let t = 0; t < MAX_TOUCHPOINTS_PER_STAGE; t += 1) {
      const touchpoint = `${stage}.touchpoints.${t}`;
      names.push(touchpoint, `${touchpoint}.name`, `${touchpoint}.matcher`, `${touchpoint}.targets`);
      for (const field of MATCHER_FIELDS) names.push(`${touchpoint}.matcher.${field}`);
      for (let k = 0; k < MAX_TARGETS; k += 1) {
        for (const field of ['metric', 'comparator', 'value']) names.push(`${touchpoint}.targets.${k}.${field}`);
      }
    }
  }
  fieldNames = names;
  return names;
}

/** Where a refusal of a whole stage, touchpoint, matcher or list shows: `stages.0.touchpoints.1.matcher.root`. */
export function journeyRenames(): Record<string, string> {
  renames ??= Object.fromEntries(
    journeyFieldNames()
      .filter(isContainer)
      .map((name) => [name, `${name}.root`]),
  );
  return renames;
}
