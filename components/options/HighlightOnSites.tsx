export interface HighlightOnSitesProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * The one choice about highlights. Off by default, because highlighting is not
 * private: a site's own scripts can see which of its texts are highlighted, so a
 * page listing many people would learn which of them are in the book.
 */
export function HighlightOnSites({ checked, onChange }: HighlightOnSitesProps) {
  return (
    <div class="highlight-choice" data-testid="highlight-on-sites">
      <h3>Highlights</h3>
      <label>
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />{' '}
        Highlight people already in Clientele on other sites too
      </label>
      <p class="muted" id="highlight-on-sites-why">
        In Gmail and Outlook they are always highlighted. Elsewhere, a site’s own scripts can see
        what is highlighted, and so learn which of the people it shows you know. Clientele still
        lists them in its popup either way.
      </p>
    </div>
  );
}
