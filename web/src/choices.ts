// The values the UI offers to choose from, in the order it shows them; typed by the unions the API accepts
// (api/types.ts), so a value the server does not take cannot be offered.
import type { CasePriority, CaseStatus, GestureKind, StaffRole, SurveyKind, Trends } from './api/types.ts';

export const STAFF_ROLES = ['admin', 'manager', 'agent', 'viewer'] as const satisfies readonly StaffRole[];
export const CASE_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const satisfies readonly CaseStatus[];
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly CasePriority[];
export const SURVEY_KINDS = ['nps', 'csat', 'ces', 'custom'] as const satisfies readonly SurveyKind[];
export const GESTURE_KINDS = [
  'credit',
  'refund',
  'replacement',
  'gift',
  'note',
] as const satisfies readonly GestureKind[];

/** The channels customers write on (those without words, such as orders and page views, have no trends). */
export const TEXT_CHANNELS = [
  'email',
  'chat',
  'social',
  'phone',
  'web_form',
  'in_store',
  'survey',
  'app',
] as const satisfies readonly NonNullable<Trends['channel']>[];
