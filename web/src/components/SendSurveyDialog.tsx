// Sends a survey to a customer (about a case, from a case page) and shows the one-time link to paste in a reply,
// with a Copy button and its expiry. Within her quiet period the server refuses and says when she was last asked;
// the agent may then send anyway.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { ApiError } from '../api.ts';
import type { SentSurvey } from '../api/types.ts';
import { useZodForm } from '../forms/useZodForm.ts';
import { queryKeys } from '../queries.ts';
import { surveysApi } from '../surveys/api.ts';
import { KIND_NAMES } from '../surveys/scales.ts';
import { absoluteTime } from '../time.ts';
import { Checkbox } from './Checkbox.tsx';
import { CopyButton } from './CopyButton.tsx';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

const sendSchema = z.object({
  surveyId: z.string().min(1, 'Choose a survey'),
  ignoreQuietPeriod: z.boolean(),
});

interface SendSurveyDialogProps {
  customerId: string;
  /** The case the survey is about, when sent from a case page. */
  caseId?: string;
  /** Whom it goes to, as the page names her. */
  customerName: string;
  onClose: () => void;
}

export function SendSurveyDialog({ customerId, caseId, customerName, onClose }: SendSurveyDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const surveys = useQuery({ queryKey: queryKeys.surveys(), queryFn: () => surveysApi.surveys() });
  const active = surveys.data?.items.filter((survey) => survey.active) ?? [];
  const form = useZodForm(sendSchema, {
    defaultValues: { surveyId: '', ignoreQuietPeriod: false },
    // A refusal about her or the case is not the agent's to fix here: it shows above the form.
    fields: ['surveyId'],
    byCode: { recently_surveyed: 'ignoreQuietPeriod', survey_inactive: 'surveyId' },
  });
  // The server's word on when she was last asked stays beside the box once it has been said.
  const [quietPeriod, setQuietPeriod] = useState<string | null>(null);
  const [sent, setSent] = useState<SentSurvey | null>(null);
  const send = useMutation({
    mutationFn: ({ surveyId, ignoreQuietPeriod }: z.output<typeof sendSchema>) =>
      surveysApi.sendSurvey(surveyId, { customerId, caseId: caseId ?? null, ignoreQuietPeriod }),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'recently_surveyed') setQuietPeriod(error.message);
    },
  });
  const [surveyId, ignoreQuietPeriod] = form.watch(['surveyId', 'ignoreQuietPeriod']);

  // showModal (not `open`) traps focus and makes Escape close it, as a modal should.
  useEffect(() => dialog.current?.showModal(), []);
  // The first survey is chosen once the list is in, so one click sends the usual one.
  const first = active[0]?.id;
  useEffect(() => {
    if (first && !form.getValues('surveyId')) form.setValue('surveyId', first);
  }, [first, form]);

  return (
    <dialog ref={dialog} className="dialog send-survey" aria-labelledby="send-survey-heading" onClose={onClose}>
      <h2 id="send-survey-heading">Send a survey to {customerName}</h2>
      {sent ? (
        <SentLink sent={sent} onDone={() => dialog.current?.close()} />
      ) : (
        <form onSubmit={form.submitWith(async (input) => setSent(await send.mutateAsync(input)))} noValidate>
          <p>
            You get a link that works once, to paste in your reply{caseId ? '; her answer is tied to this case' : ''}.
          </p>
          {surveys.isPending && <Loading label="Loading surveys…" />}
          {surveys.isError && <ErrorAlert error={surveys.error} />}
          {surveys.isSuccess && active.length === 0 && (
            <p className="note">No survey is switched on. A manager creates and switches them on under Surveys.</p>
          )}
          {form.general !== null && <ErrorAlert error={form.general} />}
          {active.length > 0 && (
            <Field id="send-survey-choice" label="Survey" error={form.errorOf('surveyId')}>
              <select {...form.input('surveyId', 'send-survey-choice')}>
                {active.map((survey) => (
                  <option key={survey.id} value={survey.id}>
                    {survey.name} ({KIND_NAMES[survey.kind]})
                  </option>
                ))}
              </select>
            </Field>
          )}
          {quietPeriod !== null && (
            <Checkbox
              id="send-survey-ignore-quiet"
              label="Send anyway, ignoring the quiet period"
              checked={ignoreQuietPeriod}
              error={form.errorOf('ignoreQuietPeriod')}
              hint={quietPeriod}
              onChange={(on) => form.setValue('ignoreQuietPeriod', on)}
            />
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={form.saving || !surveyId}>
              {form.saving ? 'Sending…' : 'Get the link'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

function SentLink({ sent, onDone }: { sent: SentSurvey; onDone: () => void }) {
  return (
    <div data-testid="survey-link">
      <p>
        Paste this link in your reply. It works once, until <strong>{absoluteTime(sent.expiresAt)}</strong>, and is not
        shown again.
      </p>
      <div className="secret-row">
        <code className="secret" data-testid="survey-link-url">
          {sent.url}
        </code>
        <CopyButton text={sent.url} what="link" />
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
