import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { BulkActions } from './BulkActions';

const noop = () => undefined;
const props = {
  count: 5000,
  busy: true,
  onDelete: noop,
  onKind: noop,
  onTag: noop,
  onExport: noop,
  onClear: noop,
};

describe('BulkActions while an action runs', () => {
  it('shows a busy bar saying what it does, and Cancel stops it', () => {
    const onCancel = vi.fn();
    render(
      <BulkActions {...props} running={{ kind: 'delete', count: 5000 }} onCancel={onCancel} />,
    );
    const bar = screen.getByTestId('bulk-progress-bar');
    // Indeterminate: one transaction has no partial progress to report.
    expect(bar.hasAttribute('value')).toBe(false);
    expect(bar.getAttribute('aria-label')).toBe('Deleting 5,000 records…');
    const cancel = screen.getByRole<HTMLButtonElement>('button', {
      name: 'Cancel: leave every record as it was',
    });
    expect(cancel.disabled).toBe(false);
    expect(screen.getByTestId<HTMLButtonElement>('bulk-delete').disabled).toBe(true);
    fireEvent.click(cancel);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('shows no bar when nothing runs', () => {
    render(<BulkActions {...props} busy={false} running={null} />);
    expect(screen.queryByTestId('bulk-progress')).toBeNull();
  });
});
