// The journey endpoints as the screens call them: managers define and change journeys, those who read reports
// read them and their report over a period.
import { client, dataOf } from '../api/client.ts';
import type { paths } from '../api/schema.d.ts';
import type { JourneyChanges, NewJourney } from './types.ts';

const byId = (id: string) => ({ params: { path: { id } } });

/** The report's period: dates or date-times, `to` exclusive, and the zone a date is read in. */
export type ReportQuery = NonNullable<paths['/api/journeys/{id}/report']['get']['parameters']['query']>;

export const journeysApi = {
  journeys: () => dataOf(client.GET('/api/journeys')),
  journey: (id: string, signal?: AbortSignal) => dataOf(client.GET('/api/journeys/{id}', { ...byId(id), signal })),
  createJourney: (journey: NewJourney) => dataOf(client.POST('/api/journeys', { body: journey })),
  /** Stages are sent whole; the ids they carry are kept, so the report keeps its touchpoints. */
  changeJourney: (id: string, changes: JourneyChanges) =>
    dataOf(client.PATCH('/api/journeys/{id}', { ...byId(id), body: changes })),
  archiveJourney: (id: string) => dataOf(client.DELETE('/api/journeys/{id}', byId(id))),
  report: (id: string, query: ReportQuery, signal?: AbortSignal) =>
    dataOf(client.GET('/api/journeys/{id}/report', { params: { path: { id }, query }, signal })),
};
