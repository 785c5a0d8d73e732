// A reply may carry a survey link: `{{survey.link}}` in its text, minted as the reply is sent. Surveys belong to
// feedback, which sits above cases, so the app hands the case routes feedback's minter (as it hands them channels).
import type { Db } from '../store/db.ts';

export interface SurveyLinkAbout {
  /** The case's customer (any of her profiles) and the case the reply answers. */
  customerId: string;
  caseId: string;
}

/** Mints a one-time survey link for the customer about the case, in the reply's transaction; refuses when it cannot. */
export type SurveyLinkMinter = (tx: Db, about: SurveyLinkAbout) => Promise<string>;

/** What the app hands down: links that reach customers at `publicUrl`. */
export type SurveyLinkSource = (tx: Db, about: SurveyLinkAbout & { publicUrl: string }) => Promise<string>;
