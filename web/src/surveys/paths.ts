// Where the survey screens live in the address bar (App.tsx routes them).

export const surveyPath = (id: string) => `/surveys/${encodeURIComponent(id)}`;
export const surveyEditPath = (id: string) => `${surveyPath(id)}/edit`;
export const NEW_SURVEY_PATH = '/surveys/new';
