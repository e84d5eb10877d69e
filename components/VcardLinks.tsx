export interface VcardLinksProps {
  urls: string[];
}

/** Contact cards (`.vcf`) linked from the page, named by their file. */
export function VcardLinks({ urls }: VcardLinksProps) {
  if (urls.length === 0) return null;
  return (
    <section class="vcards" aria-label="Contact cards on this page" data-testid="vcard-links">
      <h2>Contact cards on this page</h2>
      <ul class="details">
        {urls.map((url) => (
          <li key={url}>
            <a href={url} target="_blank" rel="noopener noreferrer">
              {fileName(url)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function fileName(url: string): string {
  const last = new URL(url).pathname.split('/').pop() || url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
