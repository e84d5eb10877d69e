export interface HighlightOnSitesProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Whether highlights are coloured by kind (client, customer, prospect, former). */
  kindColours: boolean;
  onKindColours: (kindColours: boolean) => void;
}

/**
 * The choices about highlights, both off by default, because highlighting is not
 * private: a site's own scripts can see which of its texts are highlighted (so a page
 * listing many people would learn which of them are in the book), and read each
 * highlight's name and colour (so colours by kind would tell it who is a client).
 */
export function HighlightOnSites({
  checked,
  onChange,
  kindColours,
  onKindColours,
}: HighlightOnSitesProps) {
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
      <label data-testid="kind-colours">
        <input
          type="checkbox"
          checked={kindColours}
          aria-describedby="kind-colours-why"
          onChange={(event) => onKindColours(event.currentTarget.checked)}
        />{' '}
        Colour highlights by kind (client, customer, prospect, former)
      </label>
      <p class="muted" id="kind-colours-why">
        Off, everyone you know gets the same colour. On, each kind gets its own, and the site’s
        scripts — Gmail’s and Outlook’s included — can read those colours and tell your clients from
        your prospects.
      </p>
    </div>
  );
}
