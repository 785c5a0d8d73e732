// The front door of feedback: surveys (defined, sent as signed links, answered on a public page) and their answers
// as the projection applies them. Everything else in this folder is its own business.
/**
 * The projection of survey answers appended by the public page (edge `survey`).
 * @example createProjector(db, log, { edges: { survey: loggedSurveyAnswers } })
 */
export { loggedSurveyAnswers } from './answers.ts';
export { surveyRoutes } from './routes.ts';
export { ideaRoutes } from './idea-routes.ts';
export { feedbackMetricRoutes } from './metrics-routes.ts';
export { boardRoutes } from './board-routes.ts';
export { digestRoutes } from './digest-routes.ts';
export { sendDueDigests } from './digest-service.ts';
export { deleteBoardDataOf, inputsOfCustomer } from './board-store.ts';
export { deleteIdeaDataOf, requestsOfCustomer } from './idea-store.ts';
export { publicSurveyRoutes } from './public-routes.ts';
export { feedbackSettingsRoutes } from './settings-routes.ts';
/**
 * The link a case reply's `{{survey.link}}` becomes, handed to the case routes by the app (cases sit below feedback).
 * @example buildServer({ ..., mintSurveyLink: mintReplySurveyLink })
 */
export { mintReplySurveyLink } from './reply-survey.ts';
/**
 * The public ideas board: its pages and form posts (`/board…`), and its part of a customer's export and erasure.
 * @example registerRoutes(forms, deps, publicBoardRoutes) // form posts: url-encoded bodies
 */
export { publicBoardRoutes } from './public-board-routes.ts';
export { publicBoardSignInRoutes } from './public-board-sign-in-routes.ts';
export { commentsOfCustomer, deletePublicBoardDataOf } from './public-board-store.ts';
export { deleteSurveyDataOf, responsesOfCustomer } from './store.ts';
export {
  deliverSurveyInvitations,
  inviteAfterEvents,
  inviteAfterResolution,
  inviteOnSchedule,
  type SurveyDeliveryReport,
} from './delivery.ts';
