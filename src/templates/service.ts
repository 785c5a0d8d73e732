// Use cases for reply templates: a template's text must render (known variables, valid Mustache) and its
// name is its own; a preview renders it with made-up values, saving nothing.
import type { Db } from '../store/db.ts';
import { isUniqueViolation } from '../store/constraints.ts';
import { newId } from '../shared/ids.ts';
import { templateErrors } from './errors.ts';
import { renderTemplate, TEMPLATE_VARIABLES, templateProblems } from './render.ts';
import * as templateStore from './store.ts';
import { sampleTemplateValues } from './values.ts';

export interface TemplateText {
  name: string;
  body: string;
}

function requireRenderable(body: string): void {
  const problems = templateProblems(body);
  if (problems.length) {
    throw templateErrors.error('invalid_template', problems[0]!, {
      errors: problems.map((reason) => ({ field: 'body', reason })),
    });
  }
}

function nameTaken(): never {
  throw templateErrors.error('conflict', 'A template with that name already exists', {
    errors: [{ field: 'name', reason: 'Already taken' }],
  });
}

/** The name is checked first; the unique index stays the last word for two writes at once. */
async function saveUnderFreeName(tx: Db, template: templateStore.TemplateWrite): Promise<void> {
  const holder = await templateStore.findTemplateByName(tx, template.name);
  if (holder && holder.id !== template.id) nameTaken();
  await templateStore.upsertTemplate(tx, template).catch((error: unknown) => {
    if (isUniqueViolation(error, 'reply_templates', 'name')) nameTaken();
    throw error;
  });
}

/** The template as stored, read back in the transaction that wrote it. */
async function readBack(tx: Db, id: string): Promise<templateStore.ReplyTemplate> {
  const saved = await templateStore.findTemplate(tx, id);
  if (!saved) throw new Error(`Template ${id} vanished inside the transaction that wrote it`);
  return saved;
}

/** Every template, and the variables a template may use. */
export async function listTemplatesAndVariables(db: Db) {
  return { items: await templateStore.listTemplates(db), variables: TEMPLATE_VARIABLES };
}

export async function createTemplate(
  db: Db,
  text: TemplateText,
  createdBy: string,
): Promise<templateStore.ReplyTemplate> {
  requireRenderable(text.body);
  return db.transaction(async (tx) => {
    const id = newId('tpl');
    await saveUnderFreeName(tx, { id, ...text, createdBy });
    return readBack(tx, id);
  });
}

export async function replaceTemplate(db: Db, id: string, text: TemplateText): Promise<templateStore.ReplyTemplate> {
  return db.transaction(async (tx) => {
    const current = await templateStore.findTemplate(tx, id);
    if (!current) throw templateErrors.error('not_found', `No template ${id}`);
    requireRenderable(text.body);
    await saveUnderFreeName(tx, { id, ...text, createdBy: current.createdBy });
    return readBack(tx, id);
  });
}

export async function removeTemplate(db: Db, id: string): Promise<void> {
  if (!(await templateStore.deleteTemplate(db, id))) throw templateErrors.error('not_found', `No template ${id}`);
}

/** The text rendered with a sample customer and case, signed by `agent`. */
export function previewTemplate(body: string, agent: { name: string }, companyName: string): { text: string } {
  requireRenderable(body);
  return { text: renderTemplate(body, sampleTemplateValues(agent, companyName)) };
}
