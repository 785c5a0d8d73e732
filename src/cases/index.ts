// The front door of cases: what other capabilities may use. Everything else in this folder is its own business.
export { closeResolvedCases } from './auto-close.ts';
export {
  type InboundMessage,
  type OutboundMessage,
  REPLY_CHANNEL,
  type ReplySender,
  type ReplySenders,
  replyChannelOf,
  type SendResult,
} from './channel-port.ts';
export { recordCallAnswered } from './calls.ts';
export { caseErrors } from './errors.ts';
export { openCasesForCard } from './card.ts';
export {
  type CarriedMessage,
  carryToCase,
  escalationOpensCase,
  loggedMessages,
  type MessageIntake,
  type ReceivedMessage,
  recallCarried,
  receiveMessage,
  receiveMessagesThrough,
} from './inbound.ts';
export type { CaseRecord } from './model.ts';
export { type ReasonLabel, staffReasonLabels } from './labels-store.ts';
export { addressFor, deliverDueReplies } from './outbox.ts';
export { type CaseExport, eraseCasesOf, exportCasesOf } from './privacy-store.ts';
export { recordChannelReply, replyToCase, type Writer } from './replies.ts';
/**
 * The survey link port: feedback mints the link a reply's `{{survey.link}}` becomes; the app hands it to the routes.
 * @example buildServer({ ..., mintSurveyLink: mintReplySurveyLink })
 */
export type { SurveyLinkAbout, SurveyLinkMinter, SurveyLinkSource } from './survey-link-port.ts';
export { sweepBreaches } from './service.ts';
export {
  caseOfInteraction,
  casesResolvedBetween,
  firstResponsesOf,
  findCase,
  insertCaseMessage,
  recordCaseEvent,
  type ResolvedCase,
} from './store.ts';
export { recordStaffInteraction } from './timeline.ts';
export { CaseExportSchema, ReceivedMessageSchema } from './responses.ts';
