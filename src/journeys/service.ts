// Use cases of journeys: define, change and archive one (new stages and touchpoints get ids, given ones are kept),
// and report on one over a period: the interactions that can match read in one pass, cut into episodes per
// customer, measured against the targets with the cases and survey answers behind them.
import type { Db } from '../store/db.ts';
import { newId } from '../shared/ids.ts';
import { DAY_MS } from '../shared/time.ts';
import type { NewJourney, JourneyChanges, Stage, StagesInput } from './definition.ts';
import { journeyErrors } from './errors.ts';
import { type CaseFacts, measureJourney } from './measures.ts';
import { type Episode, episodesOf, isoIn, placedTouchpoints, type ReportPeriod, type Visit } from './model.ts';
import type { JourneyReport, JourneyView } from './responses.ts';
import * as store from './store.ts';

export function journeyView(journey: store.Journey): JourneyView {
  return {
    id: journey.id,
    name: journey.name,
    description: journey.description,
    episodeDays: journey.episodeDays,
    stages: journey.stages,
    createdAt: new Date(journey.createdAt).toISOString(),
    updatedAt: new Date(journey.updatedAt).toISOString(),
    archivedAt: journey.archivedAt === null ? null : new Date(journey.archivedAt).toISOString(),
  };
}

/** Stages with an id on every stage and touchpoint: the given ones kept, so links and reports keep their meaning. */
function withIds(stages: StagesInput): Stage[] {
  return stages.map((stage) => ({
    ...stage,
    id: stage.id ?? newId('stg'),
    touchpoints: stage.touchpoints.map((touchpoint) => ({ ...touchpoint, id: touchpoint.id ?? newId('tp') })),
  }));
}

export async function listJourneys(db: Db): Promise<JourneyView[]> {
  return (await store.listJourneys(db)).map(journeyView);
}

async function requireJourney(db: Db, id: string): Promise<store.Journey> {
  const journey = await store.findJourney(db, id);
  if (!journey) throw journeyErrors.error('journey_not_found', `No journey ${id}`);
  return journey;
}

export async function getJourney(db: Db, id: string): Promise<JourneyView> {
  return journeyView(await requireJourney(db, id));
}

export async function createJourney(db: Db, input: NewJourney, createdBy: string | null): Promise<JourneyView> {
  const at = Date.now();
  const journey: store.Journey = {
    id: newId('jrn'),
    name: input.name,
    description: input.description,
    episodeDays: input.episodeDays,
    stages: withIds(input.stages),
    createdAt: at,
    createdBy,
    updatedAt: at,
    archivedAt: null,
  };
  await store.insertJourney(db, journey);
  return journeyView(journey);
}

export async function changeJourney(db: Db, id: string, changes: JourneyChanges): Promise<JourneyView> {
  return db.transaction(async (tx) => {
    const current = await requireJourney(tx, id);
    if (current.archivedAt !== null) throw journeyErrors.error('journey_archived', `Journey ${id} is archived`);
    const journey: store.Journey = {
      ...current,
      name: changes.name ?? current.name,
      description: changes.description ?? current.description,
      episodeDays: changes.episodeDays ?? current.episodeDays,
      stages: changes.stages ? withIds(changes.stages) : current.stages,
      updatedAt: Date.now(),
    };
    await store.updateJourney(tx, journey);
    return journeyView(journey);
  });
}

/** Archived, not deleted: its report and links keep working; archiving twice changes nothing. */
export async function archiveJourney(db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await requireJourney(tx, id);
    if (current.archivedAt === null) await store.updateJourney(tx, { ...current, archivedAt: Date.now() });
  });
}

/**
 * The journey's report for a period: the episodes that started in it, seen up to its end. Interactions from
 * episodeDays before `from` are read too, to tell an episode that began before the period from a new one.
 */
export async function journeyReport(db: Db, id: string, period: ReportPeriod): Promise<JourneyReport> {
  const journey = await requireJourney(db, id);
  const touchpoints = placedTouchpoints(journey.stages);
  const episodeMs = journey.episodeDays * DAY_MS;
  const rows = await store.readCandidates(
    db,
    touchpoints.map((placed) => placed.touchpoint.matcher),
    period.from - episodeMs,
    period.to,
  );

  const visitsByCustomer = new Map<string, Visit[]>();
  const cases = new Map<string, CaseFacts>();
  for (const row of rows) {
    const facts = store.caseFactsOf(row);
    if (facts) cases.set(row.case_id!, facts);
    const visits = visitsByCustomer.get(row.customer_id) ?? [];
    if (!visits.length) visitsByCustomer.set(row.customer_id, visits);
    // Rows come in time order, so each customer's visits do too.
    visits.push({
      interactionId: row.id,
      at: row.occurred_at,
      touchpoint: row.touchpoint,
      inbound: row.inbound === 1,
      caseId: row.case_id,
      sentimentScore: row.sentiment_score,
      invitationId: row.invitation_id,
    });
  }
  const episodes: Episode[] = [];
  for (const [customerId, visits] of visitsByCustomer) {
    episodes.push(...episodesOf(customerId, visits, episodeMs, period));
  }

  const caseIds = new Set<string>();
  const invitationIds = new Set<string>();
  for (const episode of episodes) {
    for (const visit of episode.visits) {
      if (visit.caseId !== null) caseIds.add(visit.caseId);
      if (visit.invitationId !== null) invitationIds.add(visit.invitationId);
    }
  }
  const answers = await store.readAnswers(db, [...caseIds], [...invitationIds]);
  const measure = measureJourney(journey.stages, episodes, { cases, answers });
  return {
    journeyId: journey.id,
    from: isoIn(period.from, period.timeZone),
    to: isoIn(period.to, period.timeZone),
    timeZone: period.timeZone,
    episodeDays: journey.episodeDays,
    ...measure,
  };
}
