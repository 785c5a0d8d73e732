// A reply template rendered for one case: its customer, its number and subject, and who is writing.
import type { Db } from '../store/db.ts';
import { findTemplate, renderTemplate, templateValuesFor } from '../templates/index.ts';
import { requireCase } from './service.ts';

/** The template's text filled in for the case (by id or number); undefined when there is no such template. */
export async function renderTemplateForCase(
  db: Db,
  caseId: string,
  templateId: string,
  writer: { name: string },
  companyName: string,
): Promise<string | undefined> {
  const template = await findTemplate(db, templateId);
  if (!template) return undefined;
  const current = await requireCase(db, caseId);
  return renderTemplate(template.body, await templateValuesFor(db, current, writer, companyName));
}
