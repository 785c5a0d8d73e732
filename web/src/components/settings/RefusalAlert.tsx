// Why the server refused a change, with each of its reasons (a 409's errors[].reason) listed under the message.
import { ApiError } from '../../api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

export function RefusalAlert({ error }: { error: unknown }) {
  return (
    <div className="refusal">
      <ErrorAlert error={error}>
        {error instanceof ApiError && error.errors.length > 0 && (
          <ul>
            {error.errors.map(({ field, reason }, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the server's list is fixed for this error and may name a field twice.
              <li key={`${field}-${index}`}>{reason}</li>
            ))}
          </ul>
        )}
      </ErrorAlert>
    </div>
  );
}
