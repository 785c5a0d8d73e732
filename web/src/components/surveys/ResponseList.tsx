// A survey's responses in the period, newest first: who answered (to her page), the score and what it says, her
// comment, whether she left it partial, when, and the follow-up case a low score opened.
import type { SurveyKind, SurveyResponse } from '../../api/types.ts';
import { UNNAMED_CUSTOMER } from '../../customer-label.ts';
import { humanize } from '../../labels.ts';
import { followLink } from '../../router.ts';
import { BANDS, isScored } from '../../surveys/scales.ts';
import { absoluteTime, relativeTime } from '../../time.ts';

const TONES = ['low', 'middle', 'high'] as const;

/** The band's place on its kind's scale (low, middle, high), for its colour. */
function toneOf(kind: SurveyKind, band: string | null): string | undefined {
  if (!band || !isScored(kind)) return undefined;
  return TONES[BANDS[kind].findIndex((entry) => entry.band === band)];
}

export function ResponseList({ kind, responses }: { kind: SurveyKind; responses: readonly SurveyResponse[] }) {
  return (
    <table className="data-table survey-responses" aria-label="Responses">
      <thead>
        <tr>
          <th scope="col">Customer</th>
          {isScored(kind) && <th scope="col">Score</th>}
          <th scope="col">Comment</th>
          <th scope="col">Answered</th>
          <th scope="col">Follow-up</th>
        </tr>
      </thead>
      <tbody>
        {responses.map((response) => {
          const customer = `/customers/${encodeURIComponent(response.customerId)}`;
          const followUp = response.followUpCaseId ? `/cases/${encodeURIComponent(response.followUpCaseId)}` : null;
          return (
            <tr key={response.invitationId} data-testid="survey-response">
              <td>
                <a href={customer} onClick={(event) => followLink(event, customer)}>
                  {response.customerLabel ?? UNNAMED_CUSTOMER}
                </a>
                {!response.complete && (
                  <span className="status status-off partial" title="A required question is still unanswered">
                    Partial
                  </span>
                )}
              </td>
              {isScored(kind) && (
                <td className="survey-score-cell">
                  {response.score === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <>
                      <strong>{response.score}</strong>{' '}
                      {response.band && (
                        <span className={`band band-${toneOf(kind, response.band) ?? 'middle'}`}>
                          {humanize(response.band)}
                        </span>
                      )}
                    </>
                  )}
                </td>
              )}
              <td className="survey-comment">
                {response.comment ? <q>{response.comment}</q> : <span className="muted">No comment</span>}
              </td>
              <td>
                <time dateTime={response.answeredAt} title={absoluteTime(response.answeredAt)}>
                  {relativeTime(response.answeredAt)}
                </time>
              </td>
              <td>
                {followUp ? (
                  <a href={followUp} onClick={(event) => followLink(event, followUp)}>
                    Follow-up case
                    <span className="visually-hidden"> for {response.customerLabel ?? UNNAMED_CUSTOMER}</span>
                  </a>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
