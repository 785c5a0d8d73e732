// Whether an idea shows on the public ideas board: a checkbox for staff who may change ideas, saved at once.
import { useMutation } from '@tanstack/react-query';
import { ideasApi } from '../ideas-api.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

export function IdeaVisibility({ idea }: { idea: { id: string; public: boolean } }) {
  const invalidate = useInvalidate();
  const change = useMutation({
    mutationFn: (isPublic: boolean) => ideasApi.setVisibility(idea.id, isPublic),
    onSuccess: () => invalidate(queryKeys.ideas()),
  });
  return (
    <div className="idea-visibility">
      <label>
        <input
          type="checkbox"
          checked={change.isPending ? change.variables : idea.public}
          disabled={change.isPending}
          onChange={(event) => change.mutate(event.target.checked)}
        />{' '}
        Shown on the public ideas board
      </label>
      {change.error !== null && <ErrorAlert error={change.error} />}
    </div>
  );
}
