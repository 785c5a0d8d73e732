// What the reply template routes answer: templates, the variables they may use, and a rendered preview.
import { z } from 'zod';
import { TEMPLATE_VARIABLES } from './render.ts';

export const ReplyTemplateSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    body: z.string(),
    createdBy: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReplyTemplate' });

export const ReplyTemplateListSchema = z
  .strictObject({ items: z.array(ReplyTemplateSchema), variables: z.array(z.enum(TEMPLATE_VARIABLES)).readonly() })
  .meta({ id: 'ReplyTemplateList' });

export const TemplatePreviewSchema = z.strictObject({ text: z.string() }).meta({ id: 'TemplatePreview' });
