// Ideas: what customers ask the product for, ranked by how many asked or by what they are worth, with the feedback
// health card on top (how much that asked for an answer got none). Sort and status are in the address.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IDEA_STATUS_LABELS, IDEA_STATUSES } from '../ideas.ts';
import { ideasApi, type IdeaListQuery, type IdeaStatus } from '../ideas-api.ts';
import { useCan } from '../permissions.ts';
import { queryKeys } from '../queries.ts';
import { navigate, useLocation } from '../router.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { FeedbackHealth } from '../components/FeedbackHealth.tsx';
import { IdeaTable } from '../components/IdeaTable.tsx';
import { NewIdeaForm } from '../components/NewIdeaForm.tsx';
import { PublicBoardSwitch } from '../components/PublicBoardSwitch.tsx';
import '../ideas.css';

type Sort = NonNullable<IdeaListQuery['sort']>;

function choicesFrom(search: URLSearchParams): { sort: Sort; status?: IdeaStatus } {
  const status = search.get('status');
  return {
    sort: search.get('sort') === 'value' ? 'value' : 'demand',
    status: IDEA_STATUSES.find((known) => known === status),
  };
}

function ideasPagePath(choices: { sort: Sort; status?: IdeaStatus }): string {
  const params = new URLSearchParams();
  if (choices.sort !== 'demand') params.set('sort', choices.sort);
  if (choices.status) params.set('status', choices.status);
  const query = params.toString();
  return query ? `/ideas?${query}` : '/ideas';
}

export function Ideas() {
  const can = useCan();
  const { search } = useLocation();
  const choices = choicesFrom(search);
  const query: IdeaListQuery = { ...choices, limit: 100 };
  const ideas = useQuery({
    queryKey: queryKeys.ideaList(query),
    queryFn: ({ signal }) => ideasApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const choose = (next: Partial<typeof choices>) => navigate(ideasPagePath({ ...choices, ...next }), { replace: true });
  const ranked = choices.sort === 'value' ? 'by value' : 'by demand';

  return (
    <section className="page ideas-page">
      <h1>Ideas</h1>
      <p className="lead muted">
        What customers ask the product for, in their words. Every requester is owed a personal answer, whatever is
        decided.
      </p>
      <FeedbackHealth />
      {can('settings:manage') && <PublicBoardSwitch />}
      {can('cases:write') && <NewIdeaForm />}
      <div className="idea-filters">
        <fieldset className="segmented">
          <legend className="visually-hidden">Rank</legend>
          {(['demand', 'value'] as const).map((sort) => (
            <label key={sort} className={choices.sort === sort ? 'chosen' : undefined}>
              <input
                type="radio"
                name="idea-sort"
                value={sort}
                checked={choices.sort === sort}
                onChange={() => choose({ sort })}
              />
              {sort === 'demand' ? 'By demand' : 'By value'}
            </label>
          ))}
        </fieldset>
        <label className="idea-status-filter">
          Status
          <select
            value={choices.status ?? ''}
            onChange={(event) => choose({ status: (event.target.value || undefined) as IdeaStatus | undefined })}
          >
            <option value="">All statuses</option>
            {IDEA_STATUSES.map((status) => (
              <option key={status} value={status}>
                {IDEA_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {ideas.isPending && <Loading label="Ranking ideas…" />}
      {ideas.isError && <ErrorAlert error={ideas.error} />}
      {ideas.data && ideas.data.items.length === 0 && (
        <p className="empty-state">
          {choices.status
            ? `No idea is ${IDEA_STATUS_LABELS[choices.status].toLowerCase()}.`
            : 'No ideas yet. Turn a customer’s message into one from her timeline (Idea…), or create one here.'}
        </p>
      )}
      {ideas.data && ideas.data.items.length > 0 && (
        <div aria-busy={ideas.isPlaceholderData}>
          <IdeaTable ideas={ideas.data.items} caption={`Ideas ranked ${ranked}`} />
        </div>
      )}
    </section>
  );
}
