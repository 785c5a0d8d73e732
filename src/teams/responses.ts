// What the team routes answer: a team with its hours, SLA policy and (when listed) its members and their load.
import { z } from 'zod';
import { ROLES } from '../shared/roles.ts';
import { BusinessHoursSchema, HolidaysSchema } from '../sla/index.ts';

export const TeamMemberSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    skills: z.array(z.string()),
    available: z.boolean(),
    lastAssignedAt: z.number().nullable().meta({ description: 'Epoch milliseconds' }),
    load: z.number().meta({ description: 'Cases assigned and still being worked on (new, open, pending)' }),
  })
  .meta({ id: 'TeamMember' });

export const TeamSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    department: z.string().nullable(),
    timezone: z.string(),
    businessHours: BusinessHoursSchema,
    holidays: HolidaysSchema,
    slaPolicyId: z.string().nullable(),
    autoAssign: z.boolean(),
    isDefault: z.boolean(),
    archivedAt: z.string().nullable(),
    openNow: z.boolean(),
    members: z.array(TeamMemberSchema).optional().meta({ description: 'In the list and after a restore' }),
  })
  .meta({ id: 'Team' });

export const TeamListSchema = z.strictObject({ items: z.array(TeamSchema) }).meta({ id: 'TeamList' });

export const ArchivedTeamSchema = TeamSchema.extend({
  membersMoved: z.number().meta({ description: 'How many members moved to the default team' }),
}).meta({ id: 'ArchivedTeam' });
