// The front door of templates: what other capabilities may use. Everything else in this folder is its own business.
export { renderTemplate, TEMPLATE_VARIABLES, templateProblems } from './render.ts';
export { deleteTemplate, findTemplate, findTemplateByName, listTemplates, upsertTemplate } from './store.ts';
export { sampleTemplateValues, templateValuesFor } from './values.ts';
