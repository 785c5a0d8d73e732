// The retention endpoints as the screens call them (src/retention/routes.ts): the churn report, newcomers per
// acquisition source, the cohort table, and the churn settings, over the same typed client as api.ts.
import { client, dataOf, present, type RequestBody } from '../api/client.ts';
import type { components, paths } from '../api/schema.d.ts';

type Schemas = components['schemas'];

export type ChurnReport = Schemas['ChurnReport'];
export type ChurnReason = Schemas['ChurnReason'];
export type ChurnExperience = Schemas['ChurnExperience'];
export type ChurnSettings = Schemas['ChurnSettings'];
export type AcquisitionReport = Schemas['AcquisitionReport'];
export type AcquisitionSource = Schemas['AcquisitionSource'];
export type RetentionReport = Schemas['RetentionReport'];
export type Cohort = Schemas['Cohort'];
export type ChurnSettingsChange = RequestBody<'/api/settings/churn', 'put'>;
/** A period: `from` and `to` as dates, `to` exclusive. */
export type PeriodQuery = NonNullable<paths['/api/insights/churn']['get']['parameters']['query']>;

export const retentionApi = {
  churn: (query: PeriodQuery, signal?: AbortSignal) =>
    dataOf(client.GET('/api/insights/churn', { params: { query: present(query) }, signal })),
  acquisition: (query: PeriodQuery, signal?: AbortSignal) =>
    dataOf(client.GET('/api/insights/acquisition', { params: { query: present(query) }, signal })),
  /** Whole months: `from`'s month up to the month before `to`'s first day. */
  retention: (query: PeriodQuery, signal?: AbortSignal) =>
    dataOf(client.GET('/api/insights/retention', { params: { query: present(query) }, signal })),
  churnSettings: (signal?: AbortSignal) => dataOf(client.GET('/api/settings/churn', { signal })),
  /** Replaces them: a field left out takes its default. */
  changeChurnSettings: (settings: ChurnSettingsChange) => dataOf(client.PUT('/api/settings/churn', { body: settings })),
};
