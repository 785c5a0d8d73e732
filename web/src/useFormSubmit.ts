// One submit handler for every form: busy while the request runs, the server's problem kept by field.
import { useState, type FormEvent } from 'react';
import { formProblemOf, NO_PROBLEM, type FormProblem } from './forms.ts';

export function useFormSubmit(
  fields: readonly string[],
  send: () => Promise<void>,
  byCode: Record<string, string> = {},
): { submit: (event: FormEvent<HTMLFormElement>) => Promise<void>; saving: boolean; problem: FormProblem } {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaving(true);
    setProblem(NO_PROBLEM);
    try {
      await send();
    } catch (error) {
      setProblem(formProblemOf(error, fields, byCode));
    } finally {
      setSaving(false);
    }
  };
  return { submit, saving, problem };
}
