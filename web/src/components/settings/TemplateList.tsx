// The reply templates agents can pick from, with the start of each text.
import type { ReplyTemplate } from '../../api/types.ts';
import { ConfirmButton } from '../ConfirmButton.tsx';

interface TemplateListProps {
  templates: ReplyTemplate[];
  onEdit: (template: ReplyTemplate) => void;
  onDelete: (template: ReplyTemplate) => Promise<void>;
}

export function TemplateList({ templates, onEdit, onDelete }: TemplateListProps) {
  if (templates.length === 0)
    return (
      <p className="empty-state">No reply templates yet. Write one for each answer agents give again and again.</p>
    );
  return (
    <table className="data-table settings-table" aria-label="Reply templates">
      <thead>
        <tr>
          <th scope="col">Template</th>
          <th scope="col">Text</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {templates.map((template) => (
          <tr key={template.id} data-testid="reply-template">
            <td>
              <strong>{template.name}</strong>
            </td>
            <td className="template-excerpt">{template.body}</td>
            <td className="row-actions">
              <button
                type="button"
                className="small"
                aria-label={`Edit ${template.name}`}
                onClick={() => onEdit(template)}
              >
                Edit
              </button>
              <ConfirmButton
                label="Delete"
                question={`Delete “${template.name}”? Agents can no longer pick it.`}
                onConfirm={() => onDelete(template)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
