/**
 * The regions libphonenumber-js reads national numbers for: ISO 3166 alpha-2 codes
 * plus AC (Ascension), TA (Tristan da Cunha) and XK (Kosovo). Written out here
 * because asking the library (`getCountries()`) would put its metadata in the
 * options page: 22 KB gzip for a list of 245 codes. regions.test.ts keeps the two
 * the same.
 */
export const PHONE_REGIONS = (
  'AC AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
  'BR BS BT BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO ' +
  'DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU ' +
  'GW GY HK HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW ' +
  'KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PR PS PT ' +
  'PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TA ' +
  'TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VG VI VN VU WF WS XK ' +
  'YE YT ZA ZM ZW'
).split(' ');

export interface RegionOption {
  code: string;
  name: string;
}

/**
 * Every phone region with its name in the user's language, in that language's
 * alphabetical order. A stored region outside the list (set by an older version)
 * is kept as an option so the select never silently shows another one.
 */
export function regionOptions(locale?: string, current?: string): RegionOption[] {
  const names = displayNames(locale);
  const codes =
    current && !PHONE_REGIONS.includes(current) ? [...PHONE_REGIONS, current] : PHONE_REGIONS;
  const collator = new Intl.Collator(locale);
  return codes
    .map((code) => ({ code, name: names(code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

function displayNames(locale?: string): (code: string) => string {
  try {
    const names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' });
    return (code) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    };
  } catch {
    return (code) => code;
  }
}
