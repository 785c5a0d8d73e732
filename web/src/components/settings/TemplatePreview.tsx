// The template as a customer would read it, filled in for a sample customer and case as the manager
// types: a typo in a variable shows here before saving.
import { useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { settingsApi } from '../../settings/api.ts';
import { useDebounced } from '../../useDebounced.ts';

type Preview = { state: 'empty' } | { state: 'ready'; text: string } | { state: 'refused'; reason: string };

export function TemplatePreview({ body }: { body: string }) {
  const [settled] = useDebounced(body, 400);
  const [preview, setPreview] = useState<Preview>({ state: 'empty' });
  useEffect(() => {
    if (!settled.trim()) {
      setPreview({ state: 'empty' });
      return;
    }
    let current = true;
    settingsApi
      .previewTemplate(settled)
      .then((result) => current && setPreview({ state: 'ready', text: result.text }))
      .catch((error: unknown) => {
        if (!current) return;
        const reason =
          error instanceof ApiError
            ? (error.errors[0]?.reason ?? error.message)
            : 'The preview is not available right now';
        setPreview({ state: 'refused', reason });
      });
    return () => {
      current = false;
    };
  }, [settled]);

  return (
    <section
      className="template-preview"
      aria-label="Preview"
      data-testid="template-preview"
      data-state={preview.state}
    >
      <h3>Preview, for a sample customer</h3>
      {preview.state === 'empty' && <p className="muted">Write the text to see it filled in.</p>}
      {preview.state === 'ready' && <p className="template-preview-text">{preview.text}</p>}
      {preview.state === 'refused' && <p className="field-error">{preview.reason}</p>}
    </section>
  );
}
