// The one way to build a form: react-hook-form holds what is typed, a zod schema turns it into what is sent
// (checking it on the way), and the server's refusal lands beside the fields it names, the rest above the form.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type BaseSyntheticEvent } from 'react';
import { get, useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { describedBy } from '../forms.ts';
import { placeProblem, type Placement } from './problem.ts';

export interface ZodFormOptions<Values> extends Partial<Placement> {
  defaultValues: DefaultValues<Values>;
}

export interface ZodForm<Values extends FieldValues, Output> extends UseFormReturn<Values, unknown, Output> {
  /**
   * The form's `onSubmit`: checks the values with the schema, then runs `save` with what it made of them.
   * A failure of `save` is placed on the fields (problem+json `errors[].field`) or kept in `general`.
   */
  submitWith: (save: (values: Output) => Promise<void>) => (event?: BaseSyntheticEvent) => Promise<void>;
  /** True while the check and the save run. */
  saving: boolean;
  /** The error to show above the form (an ErrorAlert), or null. */
  general: unknown;
  /** The message beside one field, from the schema or the server; any name the form placed an error under. */
  errorOf: (name: string) => string | undefined;
  /** An input wired to the form: `<input {...form.input('name', 'team-name')} />`, described by its message. */
  input: (
    name: Path<Values>,
    id: string,
  ) => ReturnType<UseFormReturn<Values>['register']> & ReturnType<typeof describedBy>;
}

/**
 * A form over `schema`, e.g.
 * `const form = useZodForm(teamSchema, { defaultValues, fields: ['name', 'timezone'] });`
 * then `<form onSubmit={form.submitWith((input) => save.mutateAsync(input))}>`.
 */
export function useZodForm<Schema extends z.ZodType<unknown, FieldValues>>(
  schema: Schema,
  options: ZodFormOptions<z.input<Schema>>,
): ZodForm<z.input<Schema>, z.output<Schema>> {
  type Values = z.input<Schema>;
  const { defaultValues, fields = [], nearest, rename, byCode } = options;
  const form = useForm<Values, unknown, z.output<Schema>>({
    // biome-ignore lint/suspicious/noExplicitAny: zodResolver's overloads cannot see through a generic schema.
    resolver: zodResolver(schema as any),
    defaultValues,
    // As before: messages change when the form is sent again, not while typing.
    reValidateMode: 'onSubmit',
  });
  const [general, setGeneral] = useState<unknown>(null);
  const errors = form.formState.errors;

  const showProblem = (error: unknown) => {
    const placed = placeProblem(error, { fields, nearest, rename, byCode });
    for (const [name, message] of Object.entries(placed.byField)) {
      form.setError(name as Path<Values>, { type: 'server', message });
    }
    setGeneral(placed.general);
  };
  const errorOf = (name: string): string | undefined => {
    const message = (get(errors, name) as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' && message !== '' ? message : undefined;
  };

  return {
    ...form,
    submitWith: (save) => (event) => {
      setGeneral(null);
      return form.handleSubmit(async (values) => {
        try {
          await save(values);
        } catch (error) {
          showProblem(error);
        }
      })(event);
    },
    saving: form.formState.isSubmitting,
    general,
    errorOf,
    input: (name, id) => ({ ...form.register(name), ...describedBy(id, errorOf(name)) }),
  };
}
