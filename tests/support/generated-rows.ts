import type { SearchRow } from '../../lib/db/search-row';
import { foldText } from '../../lib/domain/fold';
import { spellLatin } from '../../lib/search/latin';

/**
 * A deterministic address book for tests and the benchmark: names from many
 * languages (with their diacritics), organizations, addresses at those
 * organizations or at free-mail providers, and E.164 phones from several
 * countries. The same seed always gives the same rows.
 */
export function generateRows(count: number, seed = 20261123): SearchRow[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += String(Math.floor(random() * 10));
    return out;
  };
  const now = Date.UTC(2026, 10, 23, 12);
  const rows: SearchRow[] = [];
  const used = new Set<string>();

  for (let i = 0; i < count; i++) {
    const isOrganization = random() < 0.08;
    const organization =
      random() < 0.6 || isOrganization ? `${pick(ORG_WORDS)} ${pick(ORG_SUFFIXES)}` : undefined;
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const name = isOrganization ? organization! : `${first} ${last}`;

    const emails: string[] = [];
    const slug = (text: string) => spellLatin(foldText(text)).replace(/[^a-z0-9]/g, '');
    if (random() < 0.92) {
      const domain =
        organization && random() < 0.7
          ? `${slug(organization.split(' ')[0]!)}.${pick(TLDS)}`
          : pick(FREE_MAIL);
      const local = isOrganization
        ? pick(['info', 'hello', 'sales', 'office'])
        : pick([
            `${slug(first)}.${slug(last)}`,
            `${slug(first)[0]}${slug(last)}`,
            `${slug(first)}`,
            `${slug(first)}.${slug(last)}${Math.floor(random() * 100)}`,
          ]);
      let email = `${local}@${domain}`;
      for (let n = 2; used.has(email); n++) email = `${local}${n}@${domain}`;
      used.add(email);
      emails.push(email);
    }

    const phones: string[] = [];
    if (random() < 0.7) {
      const country = pick(COUNTRIES);
      phones.push(`+${country.code}${country.national()}${digits(country.rest)}`);
    }

    const kind = pick(KINDS);
    const row: SearchRow = {
      id: `p${String(i).padStart(6, '0')}-${digits(6)}`,
      name,
      kind,
      type: isOrganization ? 'organization' : 'person',
      emails,
      phones,
      text: foldText([name, organization ?? '', ...emails].join(' ')),
    };
    if (organization && !isOrganization) row.organization = organization;
    if (random() < 0.75) row.lastInteractionAt = now - Math.floor(random() * 3 * 365) * 86_400_000;
    rows.push(row);
  }
  return rows;
}

/** Small, fast, well-spread 32-bit PRNG; enough for test data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['client', 'customer', 'prospect', 'former'] as const;

const COUNTRIES: { code: string; national: () => string; rest: number }[] = [
  { code: '1', national: () => '', rest: 10 },
  { code: '1', national: () => '', rest: 10 },
  { code: '44', national: () => '20', rest: 8 },
  { code: '44', national: () => '7', rest: 9 },
  { code: '49', national: () => '30', rest: 8 },
  { code: '33', national: () => '6', rest: 8 },
  { code: '34', national: () => '6', rest: 8 },
  { code: '46', national: () => '70', rest: 7 },
  { code: '48', national: () => '5', rest: 8 },
  { code: '61', national: () => '4', rest: 8 },
];

const FIRST_NAMES = (
  'James|Mary|John|Patricia|Robert|Jennifer|Michael|Linda|William|Elizabeth|David|' +
  'Barbara|Richard|Susan|Joseph|Jessica|Thomas|Sarah|Charles|Karen|Christopher|' +
  'Nancy|Daniel|Lisa|Matthew|Betty|Anthony|Margaret|Mark|Sandra|Steven|Ashley|' +
  'Andrew|Emily|Joshua|Donna|Kevin|Michelle|Brian|Carol|George|Amanda|Edward|' +
  'Melissa|Ronald|Deborah|Timothy|Stephanie|Jason|Rebecca|Jeffrey|Laura|Ryan|' +
  'Sharon|Jacob|Cynthia|Gary|Kathleen|Nicholas|Amy|Eric|Angela|Jonathan|Helen|Zoë|' +
  'Chloé|José|François|Jürgen|Søren|Łukasz|Björn|Renée|Anaïs|Małgorzata|Núria|' +
  'Siobhán|Mário|Zoltán|Hélène|Ångström|Émile|Inès|Thérèse|Gülşen|Dagný|Jiří|' +
  'Ondřej|Aoife|Niamh|Priya|Arjun|Mei|Hiroshi|Yuki|Olumide|Chidi|Fatima|Omar|Leila|' +
  'Mateo|Lucía|Sofía|Valentina|Giulia|Matteo|Lars|Ingrid|Astrid|Sven|Anja|' +
  'Katarzyna|Jane|Grace|Ada|Alan|Marie|Pierre|Nina|Oskar'
).split('|');

const LAST_NAMES = (
  'Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|' +
  'Hernandez|Lopez|Gonzalez|Wilson|Anderson|Thomas|Taylor|Moore|Jackson|Martin|Lee|' +
  'Perez|Thompson|White|Harris|Sanchez|Clark|Ramirez|Lewis|Robinson|Walker|Young|' +
  'Allen|King|Wright|Scott|Torres|Nguyen|Hill|Flores|Green|Adams|Nelson|Baker|Hall|' +
  'Rivera|Campbell|Mitchell|Carter|Roberts|Müller|Schröder|Groß|Nørgaard|García|' +
  'Šimić|O’Connor|van der Berg|De la Cruz|Nguyễn|Dvořák|Kowalczyk|Sørensen|Wójcik|' +
  'Lefèvre|Dubois|Fernández|Jiménez|Álvarez|Öztürk|Çelik|Håkansson|Lindqvist|' +
  'Bergström|Kovács|Szabó|Novák|Horváth|Popescu|Ionescu|Papadopoulos|Rossi|Russo|' +
  'Ferrari|Esposito|Bianchi|Romano|Murphy|Kelly|Byrne|Ó Súilleabháin|MacDonald|' +
  'Fraser|Patel|Sharma|Singh|Tanaka|Suzuki|Watanabe|Kim|Park|Chen|Wang|Okafor|' +
  'Adeyemi|Haddad|Khoury|Cohen|Levi|Peeters|Janssens|Smithers|Smithson|Johansson|' +
  'Jonsson|Hopper|Lovelace|Turing|Curie|Zimmermann|Weiß|Fischer|Becker|Hoffmann|' +
  'Schäfer|Koch|Richter'
).split('|');

const ORG_WORDS = (
  'Acme|Globex|Initech|Umbrella|Hooli|Stark|Wayne|Wonka|Aperture|Cyberdyne|Soylent|' +
  'Tyrell|Vandelay|Massive|Oscorp|Gringotts|Nordlicht|Brückner|Lumière|Café Rouge|' +
  'Fjord|Kobe|Sakura|Atlas|Meridian|Pinnacle|Summit|Harbor|Evergreen|Bluebird|' +
  'Redwood|Granite|Copperleaf|Silverline|Northwind|Contoso|Fabrikam|Tailspin|' +
  'Litware|Proseware|Zürich Re|São Paulo Partners|Crème|Ølhus|Økonomi|Baltic|Andes|' +
  'Sahara'
).split('|');
const ORG_SUFFIXES = (
  'Ltd|GmbH|Inc|LLC|SARL|AB|Consulting|Studio|Labs|Group|Partners|Design|Bakery|' +
  'Dental|Legal|Accounting|Architects|Media'
).split('|');
const TLDS = ['com', 'co.uk', 'de', 'fr', 'io', 'se', 'es', 'pl'];
const FREE_MAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'gmx.de', 'icloud.com'];
