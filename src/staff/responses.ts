// What the staff, sign-in and token routes answer: the schemas behind their OpenAPI description and the
// generated web client types (checked against every answer when RAPPORT_CHECK_RESPONSES=1).
import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../shared/roles.ts';

export const MoneySchema = z.strictObject({ amount: z.number(), currency: z.string() }).meta({ id: 'Money' });

export const StaffMemberSchema = z
  .strictObject({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    department: z.string().nullable(),
    teamId: z.string().nullable(),
    skills: z.array(z.string()),
    empowermentLimit: MoneySchema.meta({ description: 'The largest gesture they may issue without approval' }),
    available: z.boolean().meta({ description: 'Takes new cases by automatic assignment' }),
    createdAt: z.string(),
  })
  .meta({ id: 'StaffMember' });

export const StaffAccountSchema = StaffMemberSchema.extend({ disabled: z.boolean() }).meta({ id: 'StaffAccount' });

export const SignedInStaffSchema = StaffMemberSchema.extend({ permissions: z.array(z.enum(PERMISSIONS)) }).meta({
  id: 'SignedInStaff',
  description: 'The signed-in staff member and what their role allows',
});

export const SignInSchema = z.strictObject({ staff: SignedInStaffSchema }).meta({ id: 'SignIn' });
export const PasswordChangedSchema = z.strictObject({ id: z.string() }).meta({ id: 'PasswordChanged' });
export const StaffListSchema = z.strictObject({ items: z.array(StaffAccountSchema) }).meta({ id: 'StaffList' });

export const ApiTokenSchema = z
  .strictObject({
    id: z.string(),
    staffId: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export const ApiTokenListSchema = z.strictObject({ items: z.array(ApiTokenSchema) }).meta({ id: 'ApiTokenList' });
export const NewApiTokenSchema = z
  .strictObject({ id: z.string(), name: z.string(), token: z.string().meta({ description: 'Shown this once' }) })
  .meta({ id: 'NewApiToken' });
