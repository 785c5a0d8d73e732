// The front door of templates: what other capabilities may use. Everything else in this folder is its own business.
export { templateErrors } from './errors.ts';
export { renderTemplate } from './render.ts';
export { findTemplate } from './store.ts';
export { containsSurveyLink, fillSurveyLinks, SURVEY_LINK_MARKER } from './survey-link.ts';
export { templateValuesFor } from './values.ts';
