// The API's shapes under the names the UI uses: every one an alias of what openapi-typescript generated from the
// server's OpenAPI document (schema.d.ts), never written out by hand, so a change on the server shows up here
// as a type error. The unions the UI offers as choices (statuses, priorities, roles, kinds) come from the request
// bodies the server accepts.
import type { RequestBody } from './client.ts';
import type { Readable } from 'openapi-typescript-helpers';
import type { components } from './schema.d.ts';

type Schemas = components['schemas'];

export type Staff = Schemas['SignedInStaff'];
export type Permission = Staff['permissions'][number];
export type Money = Schemas['Money'];
export type CustomerSummary = Schemas['CustomerSummary'];
export type CustomerPage = Schemas['CustomerPage'];
export type Interaction = Schemas['Interaction'];
export type TimelinePage = Schemas['TimelinePage'];
export type Identity = ContextCard['identities'][number];
export type Flag = Schemas['Flag'];
export type Preference = Schemas['Preference'];
export type LastContact = ContextCard['lastContacts'][number];
export type Merge = Schemas['Merge'];
export type ContextCard = Schemas['ContextCard'];
export type StaffMember = Schemas['StaffMember'];
export type StaffRole = StaffMember['role'];
export type NewStaffMember = RequestBody<'/api/staff', 'post'>;
export type WriteKey = Schemas['WriteKey'];
export type CreatedWriteKey = Schemas['NewWriteKey'];
export type ProjectionLag = Schemas['ProjectionLag'];
export type Erasure = Schemas['Erasure'];
export type TextModel = Schemas['TextModel'];
export type TrainingOutcome = Schemas['TrainingOutcome'];
export type CaseChanges = RequestBody<'/api/cases/{id}', 'patch'>;
export type CaseStatus = NonNullable<CaseChanges['status']>;
export type CasePriority = NonNullable<CaseChanges['priority']>;
export type CaseSummary = Schemas['CaseSummary'];
export type CaseMessage = Schemas['CaseMessage'];
export type MessageKind = CaseMessage['kind'];
export type Gesture = Schemas['Gesture'];
export type PendingGesture = Schemas['PendingGesture'];
export type NewGesture = RequestBody<'/api/cases/{id}/gestures', 'post'>;
export type GestureKind = NewGesture['kind'];
export type CaseDetail = Schemas['CaseDetail'];
/** The latest time an escalation rule raised the case, and why in the customer's words. */
export type CaseEscalation = NonNullable<CaseDetail['escalation']>;
export type RelatedCase = Schemas['RelatedCase'];
export type CaseMergeLink = Schemas['CaseMergeLink'];
export type CaseMerge = Schemas['CaseMerge'];
export type BulkReport = Schemas['BulkReport'];
export type BulkResult = BulkReport['results'][number];
export type BulkAction = RequestBody<'/api/cases/bulk', 'post'>['action'];
export type Mention = Schemas['Mention'];
export type ReplyTarget = Schemas['ReplyTarget'];
export type UndeliveredCase = Schemas['UndeliveredCasePage']['items'][number];
export type ApiToken = Schemas['ApiToken'];
export type CreatedApiToken = Schemas['NewApiToken'];
export type StaffAccount = Schemas['StaffAccount'];
export type GestureLimits = Schemas['GestureLimits'];
export type PresentPerson = Schemas['PresentPerson'];
export type AuditEntry = Schemas['AuditEntry'];
export type RenderedTemplate = Schemas['RenderedTemplate'];

/** A cursor-paged answer: `total` and `capped` where the API counts (the case queues, a capped search). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
  capped?: boolean;
}

/** As the client reads it (openapi-fetch's Readable turns a business-hours interval into a plain array). */
export type Team = Readable<Schemas['Team']>;
export type TeamMember = Schemas['TeamMember'];
export type ArchivedTeam = Readable<Schemas['ArchivedTeam']>;
export type SlaPolicy = Schemas['SlaPolicy'];
export type ReplyTemplate = Schemas['ReplyTemplate'];
export type ReplyTemplateList = Schemas['ReplyTemplateList'];
export type TemplatePreview = Schemas['TemplatePreview'];
export type AssignmentRule = Schemas['AssignmentRule'];
export type EscalationRule = Schemas['EscalationRule'];
export type FlagRule = Schemas['FlagRule'];
export type CaseSettings = Schemas['CaseSettings'];
export type Trends = Schemas['Trends'];
export type TrendKey = Schemas['TrendKey'];
export type TrendExample = Schemas['TrendExample'];
export type Survey = Schemas['Survey'];
export type SurveyKind = Survey['kind'];
export type SurveyQuestion = Survey['questions'][number];
export type SurveyTrigger = Survey['trigger'];
export type SurveyFollowUp = Survey['followUp'];
export type NewSurvey = RequestBody<'/api/surveys', 'post'>;
export type SurveyChanges = RequestBody<'/api/surveys/{id}', 'patch'>;
export type SentSurvey = Schemas['SentSurvey'];
export type SurveyResponses = Schemas['SurveyResponses'];
export type SurveyResponse = Schemas['SurveyResponse'];
export type ScoreCount = SurveyResponses['summary']['distribution'][number];
export type FeedbackMetrics = Schemas['FeedbackMetrics'];
