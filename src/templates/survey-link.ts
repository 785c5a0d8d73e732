// `{{survey.link}}`: the one variable filled in when a reply is sent, not when it is drafted. A link minted into a
// draft would count against the customer's quiet period even if the agent never sent it, and would leave a working
// secret in the composer; so the draft keeps the marker, and the case engine mints the link as the reply goes out.

/** What a case's template renders `{{survey.link}}` to, and what an agent may type by hand in any reply. */
export const SURVEY_LINK_MARKER = '{{survey.link}}';

// As Mustache reads a tag: spaces inside the braces are allowed.
const MARKER = /\{\{\s*survey\.link\s*\}\}/;

export function containsSurveyLink(text: string): boolean {
  return MARKER.test(text);
}

/** Every marker replaced by the link (the same link: one invitation per reply). */
export function fillSurveyLinks(text: string, url: string): string {
  return text.replace(new RegExp(MARKER.source, 'g'), () => url);
}
