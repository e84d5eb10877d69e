/** Colour keys under a chart; decorative for screen readers, which get the table. */
export function Legend({ items }: { items: { label: string; color: string; value?: string }[] }) {
  return (
    <ul class="legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.label}>
          <span class="swatch" style={{ background: item.color }} />
          {item.label}
          {item.value !== undefined && <span class="muted"> {item.value}</span>}
        </li>
      ))}
    </ul>
  );
}
