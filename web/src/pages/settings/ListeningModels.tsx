// Settings → Listening models: the versions of the reason and sentiment models trained on the company's own labels,
// their cross-validated figures per label, which one is in use (or the offline rules), training and restoring.
import { useMutation, useQuery } from '@tanstack/react-query';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { settingsApi } from '../../settings/api.ts';
import type { TextModel, TextModelKind } from '../../settings/types.ts';
import { ErrorAlert, Loading } from '../../components/ErrorAlert.tsx';

const KINDS: ReadonlyArray<{ kind: TextModelKind; title: string; offline: string; trainable: boolean }> = [
  { kind: 'reason', title: 'Contact reasons', offline: 'keywords', trainable: true },
  { kind: 'sentiment', title: 'Sentiment', offline: 'offline baseline', trainable: false },
];

export function ListeningModels() {
  return (
    <section className="page settings-page">
      <h1>Listening models</h1>
      <p className="lead muted">
        Models trained on your own labels: the reasons your staff set on cases, and sentiment from a labelled file (
        <code>rapport train</code>). Figures are 5-fold cross-validated; with no model in use, the offline rules apply.
      </p>
      {KINDS.map((entry) => (
        <ModelKind key={entry.kind} {...entry} />
      ))}
    </section>
  );
}

function ModelKind({ kind, title, offline, trainable }: (typeof KINDS)[number]) {
  const versions = useQuery({ queryKey: queryKeys.textModels(kind), queryFn: () => settingsApi.textModels(kind) });
  const invalidate = useInvalidate();
  const train = useMutation({
    mutationFn: () => settingsApi.trainReasonModel(),
    onSuccess: () => invalidate(queryKeys.textModels(kind)),
  });
  const headingId = `models-${kind}`;
  const active = versions.data?.items.find((version) => version.active);
  return (
    <section className="panel listening-models" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {versions.isPending && <Loading label={`Loading the ${title.toLowerCase()} models…`} />}
      {versions.isError && <ErrorAlert error={versions.error} />}
      {versions.isSuccess && (
        <>
          <p>
            In use: <strong>{active ? `version ${active.version}` : offline}</strong>
          </p>
          {trainable && (
            <p>
              <button type="button" onClick={() => train.mutate()} disabled={train.isPending}>
                {train.isPending ? 'Training…' : 'Train on the cases’ reasons'}
              </button>
            </p>
          )}
          {train.isError && <ErrorAlert error={train.error} />}
          {train.isSuccess && (
            <p role="status" className="notice">
              {train.data.verdict}
            </p>
          )}
          {versions.data.items.length === 0 ? (
            <p className="empty-state">
              No {title.toLowerCase()} model trained yet: the {offline} {offline === 'keywords' ? 'apply' : 'applies'}.
            </p>
          ) : (
            versions.data.items.map((version) => <ModelVersion key={version.id} version={version} kind={kind} />)
          )}
        </>
      )}
    </section>
  );
}

const figure = (value: number) => value.toFixed(2);

function ModelVersion({ version, kind }: { version: TextModel; kind: TextModelKind }) {
  const invalidate = useInvalidate();
  const activate = useMutation({
    mutationFn: () => settingsApi.activateTextModel(version.id),
    onSuccess: () => invalidate(queryKeys.textModels(kind)),
  });
  const { metrics } = version;
  const caption =
    `Version ${version.version}${version.active ? ' (in use)' : ''}: ${version.trainedOn.examples} examples from ` +
    `${version.trainedOn.source}, ${new Date(version.createdAt).toLocaleString()}` +
    `${version.createdBy ? ` by ${version.createdBy.name ?? 'a former staff member'}` : ' from the command line'}`;
  return (
    <div className="model-version">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
            <th scope="col">F1</th>
            <th scope="col">Support</th>
          </tr>
        </thead>
        <tbody>
          {metrics.perLabel.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{figure(row.precision)}</td>
              <td>{figure(row.recall)}</td>
              <td>{figure(row.f1)}</td>
              <td>{row.support}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Macro-F1 {figure(metrics.macroF1)}, accuracy {figure(metrics.accuracy)}
        {metrics.baselineMacroF1 !== null && `; the offline baseline scores ${figure(metrics.baselineMacroF1)}`}
      </p>
      {!version.active && (
        <button
          type="button"
          onClick={() => activate.mutate()}
          disabled={activate.isPending}
          aria-label={`Activate version ${version.version}`}
        >
          Activate
        </button>
      )}
      {activate.isError && <ErrorAlert error={activate.error} />}
    </div>
  );
}
