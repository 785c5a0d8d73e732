// Settings → Reply templates: answers agents start from, filled in with the customer's and case's details.
import { useQuery } from '@tanstack/react-query';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { useState } from 'react';
import { api } from '../../api.ts';
import { settingsApi } from '../../settings/api.ts';
import type { ReplyTemplate } from '../../api/types.ts';
import { ErrorAlert, Loading } from '../../components/ErrorAlert.tsx';
import { TemplateForm } from '../../components/settings/TemplateForm.tsx';
import { TemplateList } from '../../components/settings/TemplateList.tsx';

export function ReplyTemplates() {
  const invalidate = useInvalidate();
  const templates = useQuery({ queryKey: queryKeys.templates(), queryFn: () => api.templates() });
  const reloadTemplates = () => void invalidate(queryKeys.templates());
  const [editing, setEditing] = useState<ReplyTemplate | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const open = (template: ReplyTemplate | 'new') => {
    setSaved(null);
    setEditing(template);
    window.scrollTo({ top: 0 });
  };

  return (
    <section className="page settings-page">
      <div className="page-bar">
        <h1>Reply templates</h1>
        {editing === null && (
          <button type="button" className="primary" onClick={() => open('new')}>
            New template
          </button>
        )}
      </div>
      <p className="lead muted">
        Answers agents start from in the reply box, with the customer’s name, last order and more filled in.
      </p>
      {saved && (
        <p className="note" role="status">
          {saved}
        </p>
      )}
      {editing !== null && templates.isSuccess && (
        <TemplateForm
          key={editing === 'new' ? 'new' : editing.id}
          template={editing === 'new' ? null : editing}
          variables={templates.data.variables}
          onSaved={(template) => {
            setSaved(`${template.name} saved.`);
            setEditing(null);
            reloadTemplates();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <h2 className="list-heading">Templates</h2>
      {templates.isPending && <Loading label="Loading templates…" />}
      {templates.isError && <ErrorAlert error={templates.error} />}
      {templates.isSuccess && (
        <TemplateList
          templates={templates.data.items}
          onEdit={open}
          onDelete={async (template) => {
            await settingsApi.deleteTemplate(template.id);
            if (editing !== null && editing !== 'new' && editing.id === template.id) setEditing(null);
            reloadTemplates();
          }}
        />
      )}
    </section>
  );
}
