/** Which detector saw a contact; a contact seen by several is surer. */
export type DetectorSource = 'mailto' | 'text-email';

/**
 * A contact found on a page. Emails are normalised; phones are as written on the
 * page (the background validates them, keeping libphonenumber out of the page).
 */
export interface DetectedContact {
  name?: string;
  emails: string[];
  phones: string[];
  organization?: string;
  title?: string;
  website?: string;
  role?: 'sender' | 'recipient' | 'cc' | 'quoted' | 'signature';
  sources: DetectorSource[];
  confidence: number;
}

export interface DetectContext {
  url: string;
}

/** A detector's raw finding before findings about the same person are merged. */
export interface Finding {
  email: string;
  name?: string;
  source: DetectorSource;
  confidence: number;
}
