// The journey shapes under the names the journey screens use: aliases of what openapi-typescript generated from the
// server's OpenAPI document (../api/schema.d.ts), never written out by hand.
import type { RequestBody } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';

type Schemas = components['schemas'];

export type Journey = Schemas['Journey'];
export type JourneyStage = Journey['stages'][number];
export type JourneyTouchpoint = JourneyStage['touchpoints'][number];
export type TouchpointMatcher = Schemas['TouchpointMatcher'];
export type TouchpointTarget = Schemas['TouchpointTarget'];
export type TargetMetric = TouchpointTarget['metric'];
export type Comparator = TouchpointTarget['comparator'];
export type MatcherChannel = NonNullable<TouchpointMatcher['channels']>[number];
export type MatcherDirection = NonNullable<TouchpointMatcher['direction']>;
export type NewJourney = RequestBody<'/api/journeys', 'post'>;
export type JourneyChanges = RequestBody<'/api/journeys/{id}', 'patch'>;
export type JourneyReport = Schemas['JourneyReport'];
export type TouchpointReport = JourneyReport['touchpoints'][number];
export type TargetResult = Schemas['JourneyTargetResult'];
export type JourneyGap = JourneyReport['overall']['gaps'][number];
