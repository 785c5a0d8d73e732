// The variables a reply template may use, beside the editor; a click puts one in at the cursor.

interface VariableListProps {
  variables: readonly string[];
  onInsert: (variable: string) => void;
}

export function VariableList({ variables, onInsert }: VariableListProps) {
  return (
    <aside className="variable-list" aria-labelledby="template-variables-heading">
      <h3 id="template-variables-heading">Variables</h3>
      <p className="field-hint">Only these can be filled in. Click one to insert it.</p>
      <ul>
        {variables.map((variable) => (
          <li key={variable}>
            <button
              type="button"
              className="variable"
              data-testid="template-variable"
              onClick={() => onInsert(variable)}
            >
              <code>{`{{${variable}}}`}</code>
            </button>
          </li>
        ))}
      </ul>
      <p className="field-hint" data-testid="survey-link-variable-hint">
        <code>{'{{survey.link}}'}</code> stays as it is in the agent’s draft and becomes a one-time survey link for the
        customer when the reply is sent.
      </p>
      <p className="field-hint">
        Sections work too: <code>{'{{#lastOrder.id}}…{{/lastOrder.id}}'}</code> shows its text only when there is a
        value.
      </p>
    </aside>
  );
}
