// Where the journey screens live in the address bar (App.tsx routes them).

export const JOURNEYS_PATH = '/journeys';
export const NEW_JOURNEY_PATH = '/journeys/new';
export const journeyPath = (id: string) => `${JOURNEYS_PATH}/${encodeURIComponent(id)}`;
export const journeyEditPath = (id: string) => `${journeyPath(id)}/edit`;
