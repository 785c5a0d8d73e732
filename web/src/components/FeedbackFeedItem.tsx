// One piece of feedback in the feed: its kind in words, who gave it, when, her words, a survey's score with what
// it says (detractor, satisfied…), and where it came from: the survey, the idea asked for, the board.
import { followLink } from '../router.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import { UNNAMED_CUSTOMER } from '../customer-label.ts';
import { scoreMeaning, scoreTone } from '../feedback/score-band.ts';
import type { FeedItem } from '../feedback/feed-api.ts';

const KIND_WORDS: Record<FeedItem['kind'], string> = {
  survey_answer: 'Survey answer',
  idea_request: 'Idea request',
  board_input: 'Advisory board',
};

export function FeedbackFeedItem({ item }: { item: FeedItem }) {
  return (
    <li className="feed-item" data-testid="feed-item">
      <div className="feed-head">
        <span className={`feed-kind feed-kind-${item.kind}`}>{KIND_WORDS[item.kind]}</span>
        <Giver item={item} />
        <span className="muted" title={absoluteTime(item.at)}>
          {relativeTime(item.at)}
        </span>
      </div>
      {item.text ? <p className="feed-text">{item.text}</p> : <p className="feed-text muted">No comment.</p>}
      {item.score !== null && (
        <p className={`feed-score score-${scoreTone(item.surveyKind, item.score)}`}>
          {scoreMeaning(item.surveyKind, item.score)}
        </p>
      )}
      <p className="feed-source muted">
        <Source item={item} />
      </p>
    </li>
  );
}

function Giver({ item }: { item: FeedItem }) {
  if (item.customerId === null) {
    // Input without a member is the board's together; any other kind without one lost its customer to erasure.
    return <span>{item.kind === 'board_input' ? 'The board together' : 'A customer since erased'}</span>;
  }
  const href = `/customers/${encodeURIComponent(item.customerId)}`;
  return (
    <a className="feed-customer" href={href} onClick={(event) => followLink(event, href)}>
      {item.customerLabel ?? UNNAMED_CUSTOMER}
    </a>
  );
}

function Source({ item }: { item: FeedItem }) {
  if (item.kind === 'survey_answer') return <>Survey: {item.sourceName}</>;
  const href =
    item.kind === 'idea_request'
      ? `/ideas/${item.ideaNumber ?? encodeURIComponent(item.sourceId)}`
      : `/advisory-boards/${encodeURIComponent(item.sourceId)}`;
  const name = item.kind === 'idea_request' ? `#${item.ideaNumber} ${item.sourceName}` : item.sourceName;
  return (
    <>
      {item.kind === 'idea_request' ? 'Idea: ' : 'Board: '}
      <a href={href} onClick={(event) => followLink(event, href)}>
        {name}
      </a>
    </>
  );
}
