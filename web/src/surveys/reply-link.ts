// `{{survey.link}}` in a reply: the composer keeps the marker, and the server makes the customer's one-time survey
// link from it as the reply is sent (src/templates/survey-link.ts reads the marker the same way).
import { firstNameOf } from '../ideas.ts';

// As Mustache reads a tag: spaces inside the braces are allowed.
const MARKER = /\{\{\s*survey\.link\s*\}\}/;

export function containsSurveyLink(text: string): boolean {
  return MARKER.test(text);
}

/** What the composer says under a reply holding the marker: the link is hers, made as the reply goes. */
export function surveyLinkHint(customerName: string | null): string {
  return `The survey link is made for ${firstNameOf(customerName) ?? 'the customer'} when you send.`;
}
