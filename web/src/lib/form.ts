import type { UseFormReturnType } from '@mantine/form';
import type { CombinedError } from '@urql/core';
import { useCallback, useState } from 'react';
import { showPlanLimit } from '../components/PlanLimit';
import { apiErrors, fieldPaths, formErrors } from './errors';

interface Result<T> {
  data?: T;
  error?: CombinedError;
}

/**
 * Runs a mutation for a form and shows what the server refused: BAD_USER_INPUT on the field
 * it names (form paths mirror the GraphQL input: `http.timeoutSeconds`), the rest above the
 * form. Returns the data, or null when it failed.
 */
export function useFormSubmit<V extends Record<string, unknown>>(
  form: UseFormReturnType<V>,
  aliases: Record<string, string> = {},
) {
  const [general, setGeneral] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const submit = useCallback(
    async <T,>(run: () => Promise<Result<T>>): Promise<T | null> => {
      setGeneral([]);
      setSubmitting(true);
      try {
        const result = await run();
        if (result.error || !result.data) {
          const split = formErrors(apiErrors(result.error), fieldPaths(form.getValues()), aliases);
          form.setErrors(split.fields);
          // Besides the message above the form: the way to the billing page.
          showPlanLimit(result.error);
          setGeneral(split.general.length || Object.keys(split.fields).length ? split.general : ['Could not save.']);
          return null;
        }
        return result.data;
      } finally {
        setSubmitting(false);
      }
    },
    [form, aliases],
  );
  return { general, setGeneral, submit, submitting };
}
