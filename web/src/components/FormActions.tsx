// The save (and cancel) buttons every settings form ends with; both wait while a save is in flight.
export function FormActions({
  saving,
  submitLabel,
  onCancel,
}: {
  saving: boolean;
  submitLabel: string;
  onCancel?: () => void;
}) {
  return (
    <div className="form-actions">
      <button type="submit" className="primary" disabled={saving}>
        {saving ? 'Saving…' : submitLabel}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      )}
    </div>
  );
}
