import { Input } from '@mantine/core';
import { Suspense, lazy, useId, type ReactNode } from 'react';
import { Loading } from './States';

// CodeMirror is loaded with the first script editor shown, not with the app.
const CodeEditor = lazy(() => import('./CodeEditor'));

/** A labelled code editor field with its description and error, like Mantine's inputs. */
export function ScriptEditor({
  label,
  description,
  error,
  value,
  onChange,
  typescript,
  onRun,
  required,
  readOnly,
}: {
  label: string;
  description?: ReactNode;
  error?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  typescript: boolean;
  onRun?: () => void;
  required?: boolean;
  readOnly?: boolean;
}) {
  const id = useId();
  const labelId = `${id}-label`;
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <Input.Wrapper
      id={id}
      label={label}
      labelElement="div"
      labelProps={{ id: labelId }}
      description={description}
      error={error}
      required={required}
      inputWrapperOrder={['label', 'description', 'input', 'error']}
    >
      <Suspense fallback={<Loading label="Loading the editor…" />}>
        <CodeEditor value={value} onChange={onChange} typescript={typescript} labelledBy={labelId} describedBy={describedBy} invalid={Boolean(error)} readOnly={readOnly} onRun={onRun} testId="script-editor" />
      </Suspense>
    </Input.Wrapper>
  );
}
