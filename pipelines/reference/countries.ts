/**
 * ISO 3166-1 alpha-2 countries (all 249 officially assigned codes) with a common English short name and
 * the hirescope region (DESIGN §2): US, EU, LatAm, APAC, Other. Every judgement call is marked `J` here
 * and explained in data/reference/README.md.
 *
 * Names: the common English short name (the form people write and software displays, e.g. "South Korea",
 * "Vietnam", "Russia", "Türkiye"). The ISO formal forms ("Korea, Republic of", "Viet Nam", "Russian
 * Federation"...) and other alternative spellings are in COUNTRY_ALIASES, never repeating a name.
 */

export const REGIONS = ['US', 'EU', 'LatAm', 'APAC', 'Other'] as const;
export type Region = (typeof REGIONS)[number];

export interface Country {
  code: string;
  name: string;
  region: Region;
  /** true when the region is a judgement call beyond the plain rule (see README). */
  judgement: boolean;
}

// [code, name, region, judgement?]
type Entry = readonly [string, string, Region, 'J'?];

const ENTRIES: readonly Entry[] = [
  ['AD', 'Andorra', 'EU', 'J'],
  ['AE', 'United Arab Emirates', 'Other'],
  ['AF', 'Afghanistan', 'Other', 'J'],
  ['AG', 'Antigua and Barbuda', 'Other'],
  ['AI', 'Anguilla', 'Other'],
  ['AL', 'Albania', 'Other'],
  ['AM', 'Armenia', 'Other'],
  ['AO', 'Angola', 'Other'],
  ['AQ', 'Antarctica', 'Other'],
  ['AR', 'Argentina', 'LatAm'],
  ['AS', 'American Samoa', 'APAC', 'J'],
  ['AT', 'Austria', 'EU'],
  ['AU', 'Australia', 'APAC'],
  ['AW', 'Aruba', 'Other', 'J'],
  ['AX', 'Åland Islands', 'EU', 'J'],
  ['AZ', 'Azerbaijan', 'Other'],
  ['BA', 'Bosnia and Herzegovina', 'Other'],
  ['BB', 'Barbados', 'Other'],
  ['BD', 'Bangladesh', 'APAC'],
  ['BE', 'Belgium', 'EU'],
  ['BF', 'Burkina Faso', 'Other'],
  ['BG', 'Bulgaria', 'EU'],
  ['BH', 'Bahrain', 'Other'],
  ['BI', 'Burundi', 'Other'],
  ['BJ', 'Benin', 'Other'],
  ['BL', 'Saint Barthélemy', 'Other', 'J'],
  ['BM', 'Bermuda', 'Other'],
  ['BN', 'Brunei', 'APAC'],
  ['BO', 'Bolivia', 'LatAm'],
  ['BQ', 'Bonaire, Sint Eustatius and Saba', 'Other', 'J'],
  ['BR', 'Brazil', 'LatAm'],
  ['BS', 'Bahamas', 'Other'],
  ['BT', 'Bhutan', 'APAC', 'J'],
  ['BV', 'Bouvet Island', 'Other', 'J'],
  ['BW', 'Botswana', 'Other'],
  ['BY', 'Belarus', 'Other'],
  ['BZ', 'Belize', 'LatAm', 'J'],
  ['CA', 'Canada', 'Other'],
  ['CC', 'Cocos (Keeling) Islands', 'APAC', 'J'],
  ['CD', 'Democratic Republic of the Congo', 'Other'],
  ['CF', 'Central African Republic', 'Other'],
  ['CG', 'Republic of the Congo', 'Other'],
  ['CH', 'Switzerland', 'EU'],
  ['CI', "Côte d'Ivoire", 'Other'],
  ['CK', 'Cook Islands', 'APAC'],
  ['CL', 'Chile', 'LatAm'],
  ['CM', 'Cameroon', 'Other'],
  ['CN', 'China', 'APAC'],
  ['CO', 'Colombia', 'LatAm'],
  ['CR', 'Costa Rica', 'LatAm'],
  ['CU', 'Cuba', 'LatAm'],
  ['CV', 'Cabo Verde', 'Other'],
  ['CW', 'Curaçao', 'Other', 'J'],
  ['CX', 'Christmas Island', 'APAC', 'J'],
  ['CY', 'Cyprus', 'EU'],
  ['CZ', 'Czechia', 'EU'],
  ['DE', 'Germany', 'EU'],
  ['DJ', 'Djibouti', 'Other'],
  ['DK', 'Denmark', 'EU'],
  ['DM', 'Dominica', 'Other'],
  ['DO', 'Dominican Republic', 'LatAm'],
  ['DZ', 'Algeria', 'Other'],
  ['EC', 'Ecuador', 'LatAm'],
  ['EE', 'Estonia', 'EU'],
  ['EG', 'Egypt', 'Other'],
  ['EH', 'Western Sahara', 'Other'],
  ['ER', 'Eritrea', 'Other'],
  ['ES', 'Spain', 'EU'],
  ['ET', 'Ethiopia', 'Other'],
  ['FI', 'Finland', 'EU'],
  ['FJ', 'Fiji', 'APAC'],
  ['FK', 'Falkland Islands', 'LatAm', 'J'],
  ['FM', 'Micronesia', 'APAC'],
  ['FO', 'Faroe Islands', 'EU', 'J'],
  ['FR', 'France', 'EU'],
  ['GA', 'Gabon', 'Other'],
  ['GB', 'United Kingdom', 'EU'],
  ['GD', 'Grenada', 'Other'],
  ['GE', 'Georgia', 'Other'],
  ['GF', 'French Guiana', 'EU', 'J'],
  ['GG', 'Guernsey', 'EU', 'J'],
  ['GH', 'Ghana', 'Other'],
  ['GI', 'Gibraltar', 'EU', 'J'],
  ['GL', 'Greenland', 'Other', 'J'],
  ['GM', 'Gambia', 'Other'],
  ['GN', 'Guinea', 'Other'],
  ['GP', 'Guadeloupe', 'EU', 'J'],
  ['GQ', 'Equatorial Guinea', 'Other'],
  ['GR', 'Greece', 'EU'],
  ['GS', 'South Georgia and the South Sandwich Islands', 'Other', 'J'],
  ['GT', 'Guatemala', 'LatAm'],
  ['GU', 'Guam', 'APAC', 'J'],
  ['GW', 'Guinea-Bissau', 'Other'],
  ['GY', 'Guyana', 'LatAm', 'J'],
  ['HK', 'Hong Kong', 'APAC'],
  ['HM', 'Heard Island and McDonald Islands', 'Other', 'J'],
  ['HN', 'Honduras', 'LatAm'],
  ['HR', 'Croatia', 'EU'],
  ['HT', 'Haiti', 'Other', 'J'],
  ['HU', 'Hungary', 'EU'],
  ['ID', 'Indonesia', 'APAC'],
  ['IE', 'Ireland', 'EU'],
  ['IL', 'Israel', 'Other'],
  ['IM', 'Isle of Man', 'EU', 'J'],
  ['IN', 'India', 'APAC'],
  ['IO', 'British Indian Ocean Territory', 'Other', 'J'],
  ['IQ', 'Iraq', 'Other'],
  ['IR', 'Iran', 'Other'],
  ['IS', 'Iceland', 'EU'],
  ['IT', 'Italy', 'EU'],
  ['JE', 'Jersey', 'EU', 'J'],
  ['JM', 'Jamaica', 'Other'],
  ['JO', 'Jordan', 'Other'],
  ['JP', 'Japan', 'APAC'],
  ['KE', 'Kenya', 'Other'],
  ['KG', 'Kyrgyzstan', 'Other'],
  ['KH', 'Cambodia', 'APAC'],
  ['KI', 'Kiribati', 'APAC'],
  ['KM', 'Comoros', 'Other'],
  ['KN', 'Saint Kitts and Nevis', 'Other'],
  ['KP', 'North Korea', 'APAC'],
  ['KR', 'South Korea', 'APAC'],
  ['KW', 'Kuwait', 'Other'],
  ['KY', 'Cayman Islands', 'Other'],
  ['KZ', 'Kazakhstan', 'Other'],
  ['LA', 'Laos', 'APAC'],
  ['LB', 'Lebanon', 'Other'],
  ['LC', 'Saint Lucia', 'Other'],
  ['LI', 'Liechtenstein', 'EU'],
  ['LK', 'Sri Lanka', 'APAC'],
  ['LR', 'Liberia', 'Other'],
  ['LS', 'Lesotho', 'Other'],
  ['LT', 'Lithuania', 'EU'],
  ['LU', 'Luxembourg', 'EU'],
  ['LV', 'Latvia', 'EU'],
  ['LY', 'Libya', 'Other'],
  ['MA', 'Morocco', 'Other'],
  ['MC', 'Monaco', 'EU', 'J'],
  ['MD', 'Moldova', 'Other'],
  ['ME', 'Montenegro', 'Other'],
  ['MF', 'Saint Martin', 'EU', 'J'],
  ['MG', 'Madagascar', 'Other'],
  ['MH', 'Marshall Islands', 'APAC'],
  ['MK', 'North Macedonia', 'Other'],
  ['ML', 'Mali', 'Other'],
  ['MM', 'Myanmar', 'APAC'],
  ['MN', 'Mongolia', 'APAC', 'J'],
  ['MO', 'Macao', 'APAC'],
  ['MP', 'Northern Mariana Islands', 'APAC', 'J'],
  ['MQ', 'Martinique', 'EU', 'J'],
  ['MR', 'Mauritania', 'Other'],
  ['MS', 'Montserrat', 'Other'],
  ['MT', 'Malta', 'EU'],
  ['MU', 'Mauritius', 'Other', 'J'],
  ['MV', 'Maldives', 'APAC', 'J'],
  ['MW', 'Malawi', 'Other'],
  ['MX', 'Mexico', 'LatAm'],
  ['MY', 'Malaysia', 'APAC'],
  ['MZ', 'Mozambique', 'Other'],
  ['NA', 'Namibia', 'Other'],
  ['NC', 'New Caledonia', 'APAC', 'J'],
  ['NE', 'Niger', 'Other'],
  ['NF', 'Norfolk Island', 'APAC', 'J'],
  ['NG', 'Nigeria', 'Other'],
  ['NI', 'Nicaragua', 'LatAm'],
  ['NL', 'Netherlands', 'EU'],
  ['NO', 'Norway', 'EU'],
  ['NP', 'Nepal', 'APAC'],
  ['NR', 'Nauru', 'APAC'],
  ['NU', 'Niue', 'APAC'],
  ['NZ', 'New Zealand', 'APAC'],
  ['OM', 'Oman', 'Other'],
  ['PA', 'Panama', 'LatAm'],
  ['PE', 'Peru', 'LatAm'],
  ['PF', 'French Polynesia', 'APAC', 'J'],
  ['PG', 'Papua New Guinea', 'APAC'],
  ['PH', 'Philippines', 'APAC'],
  ['PK', 'Pakistan', 'APAC'],
  ['PL', 'Poland', 'EU'],
  ['PM', 'Saint Pierre and Miquelon', 'Other', 'J'],
  ['PN', 'Pitcairn Islands', 'APAC', 'J'],
  ['PR', 'Puerto Rico', 'LatAm'],
  ['PS', 'Palestine', 'Other'],
  ['PT', 'Portugal', 'EU'],
  ['PW', 'Palau', 'APAC'],
  ['PY', 'Paraguay', 'LatAm'],
  ['QA', 'Qatar', 'Other'],
  ['RE', 'Réunion', 'EU', 'J'],
  ['RO', 'Romania', 'EU'],
  ['RS', 'Serbia', 'Other'],
  ['RU', 'Russia', 'Other'],
  ['RW', 'Rwanda', 'Other'],
  ['SA', 'Saudi Arabia', 'Other'],
  ['SB', 'Solomon Islands', 'APAC'],
  ['SC', 'Seychelles', 'Other'],
  ['SD', 'Sudan', 'Other'],
  ['SE', 'Sweden', 'EU'],
  ['SG', 'Singapore', 'APAC'],
  ['SH', 'Saint Helena, Ascension and Tristan da Cunha', 'Other'],
  ['SI', 'Slovenia', 'EU'],
  ['SJ', 'Svalbard and Jan Mayen', 'EU', 'J'],
  ['SK', 'Slovakia', 'EU'],
  ['SL', 'Sierra Leone', 'Other'],
  ['SM', 'San Marino', 'EU', 'J'],
  ['SN', 'Senegal', 'Other'],
  ['SO', 'Somalia', 'Other'],
  ['SR', 'Suriname', 'LatAm', 'J'],
  ['SS', 'South Sudan', 'Other'],
  ['ST', 'São Tomé and Príncipe', 'Other'],
  ['SV', 'El Salvador', 'LatAm'],
  ['SX', 'Sint Maarten', 'Other', 'J'],
  ['SY', 'Syria', 'Other'],
  ['SZ', 'Eswatini', 'Other'],
  ['TC', 'Turks and Caicos Islands', 'Other'],
  ['TD', 'Chad', 'Other'],
  ['TF', 'French Southern Territories', 'Other', 'J'],
  ['TG', 'Togo', 'Other'],
  ['TH', 'Thailand', 'APAC'],
  ['TJ', 'Tajikistan', 'Other'],
  ['TK', 'Tokelau', 'APAC'],
  ['TL', 'Timor-Leste', 'APAC'],
  ['TM', 'Turkmenistan', 'Other'],
  ['TN', 'Tunisia', 'Other'],
  ['TO', 'Tonga', 'APAC'],
  ['TR', 'Türkiye', 'Other'],
  ['TT', 'Trinidad and Tobago', 'Other'],
  ['TV', 'Tuvalu', 'APAC'],
  ['TW', 'Taiwan', 'APAC'],
  ['TZ', 'Tanzania', 'Other'],
  ['UA', 'Ukraine', 'Other'],
  ['UG', 'Uganda', 'Other'],
  ['UM', 'United States Minor Outlying Islands', 'Other', 'J'],
  ['US', 'United States', 'US'],
  ['UY', 'Uruguay', 'LatAm'],
  ['UZ', 'Uzbekistan', 'Other'],
  ['VA', 'Vatican City', 'EU', 'J'],
  ['VC', 'Saint Vincent and the Grenadines', 'Other'],
  ['VE', 'Venezuela', 'LatAm'],
  ['VG', 'British Virgin Islands', 'Other'],
  ['VI', 'U.S. Virgin Islands', 'Other', 'J'],
  ['VN', 'Vietnam', 'APAC'],
  ['VU', 'Vanuatu', 'APAC'],
  ['WF', 'Wallis and Futuna', 'APAC', 'J'],
  ['WS', 'Samoa', 'APAC'],
  ['YE', 'Yemen', 'Other'],
  ['YT', 'Mayotte', 'EU', 'J'],
  ['ZA', 'South Africa', 'Other'],
  ['ZM', 'Zambia', 'Other'],
  ['ZW', 'Zimbabwe', 'Other'],
];

export const COUNTRIES: readonly Country[] = ENTRIES.map(([code, name, region, j]) => ({
  code,
  name,
  region,
  judgement: j === 'J',
}));

export const COUNTRY_SOURCE = 'ISO 3166-1 alpha-2; region: hirescope default (DESIGN §2)';
export const COUNTRY_SOURCE_JUDGEMENT =
  'ISO 3166-1 alpha-2; region: hirescope judgement call (see data/reference/README.md)';

const ISO = 'ISO 3166-1 English short name (formal form)';
const COMMON = 'hirescope default (common English alternative name)';
const ASCII = 'hirescope default (spelling without diacritics)';
const ABBR = 'hirescope default (common abbreviation)';
const CLDR = 'Unicode CLDR English display name';

export interface CountryAlias {
  alias: string;
  code: string;
  source: string;
}

const a = (alias: string, code: string, source: string): CountryAlias => ({ alias, code, source });

export const COUNTRY_ALIASES: readonly CountryAlias[] = [
  // ISO 3166-1 formal short names that differ from the common name above
  a('Bolivia (Plurinational State of)', 'BO', ISO),
  a('Brunei Darussalam', 'BN', ISO),
  a('Congo, The Democratic Republic of the', 'CD', ISO),
  a('Congo', 'CG', ISO),
  a('Czech Republic', 'CZ', COMMON),
  a('Falkland Islands (Malvinas)', 'FK', ISO),
  a('Micronesia (Federated States of)', 'FM', ISO),
  a('United Kingdom of Great Britain and Northern Ireland', 'GB', ISO),
  a('Holy See', 'VA', ISO),
  a('Iran (Islamic Republic of)', 'IR', ISO),
  a("Korea (Democratic People's Republic of)", 'KP', ISO),
  a('Korea, Republic of', 'KR', ISO),
  a('Korea (Republic of)', 'KR', ISO),
  a("Lao People's Democratic Republic", 'LA', ISO),
  a('Moldova, Republic of', 'MD', ISO),
  a('Moldova (Republic of)', 'MD', ISO),
  a('Saint Martin (French part)', 'MF', ISO),
  a('Netherlands (Kingdom of the)', 'NL', ISO),
  a('Pitcairn', 'PN', ISO),
  a('Palestine, State of', 'PS', ISO),
  a('Russian Federation', 'RU', ISO),
  a('Sint Maarten (Dutch part)', 'SX', ISO),
  a('Syrian Arab Republic', 'SY', ISO),
  a('Taiwan, Province of China', 'TW', ISO),
  a('Tanzania, United Republic of', 'TZ', ISO),
  a('United States of America', 'US', ISO),
  a('Venezuela (Bolivarian Republic of)', 'VE', ISO),
  a('Virgin Islands (British)', 'VG', ISO),
  a('Virgin Islands (U.S.)', 'VI', ISO),
  a('Viet Nam', 'VN', ISO),

  // common abbreviations
  a('USA', 'US', ABBR),
  a('U.S.', 'US', ABBR),
  a('U.S.A.', 'US', ABBR),
  a('UK', 'GB', ABBR),
  a('U.K.', 'GB', ABBR),
  a('UAE', 'AE', ABBR),
  a('U.A.E.', 'AE', ABBR),
  a('DRC', 'CD', ABBR),
  a('DPRK', 'KP', ABBR),
  a('PRC', 'CN', ABBR),
  a('KSA', 'SA', ABBR),

  // common alternative English names
  a('America', 'US', COMMON),
  a('Great Britain', 'GB', COMMON),
  a('Britain', 'GB', COMMON),
  a('England', 'GB', COMMON),
  a('Scotland', 'GB', COMMON),
  a('Wales', 'GB', COMMON),
  a('Northern Ireland', 'GB', COMMON),
  a('Republic of Ireland', 'IE', COMMON),
  a('Holland', 'NL', COMMON),
  a('The Netherlands', 'NL', COMMON),
  a('Czech Rep.', 'CZ', COMMON),
  a('Slovak Republic', 'SK', COMMON),
  a('Turkey', 'TR', COMMON),
  a('Republic of Türkiye', 'TR', COMMON),
  a('Korea', 'KR', COMMON),
  a('Republic of Korea', 'KR', COMMON),
  a('Korea, South', 'KR', COMMON),
  a('Korea, North', 'KP', COMMON),
  a("Democratic People's Republic of Korea", 'KP', COMMON),
  a("People's Republic of China", 'CN', COMMON),
  a('Mainland China', 'CN', COMMON),
  a('Hong Kong SAR', 'HK', COMMON),
  a('Hong Kong SAR China', 'HK', CLDR),
  a('Macau', 'MO', COMMON),
  a('Macao SAR China', 'MO', CLDR),
  a('Burma', 'MM', COMMON),
  a('East Timor', 'TL', COMMON),
  a('Ivory Coast', 'CI', COMMON),
  a('Cape Verde', 'CV', CLDR),
  a('Swaziland', 'SZ', COMMON),
  a('Macedonia', 'MK', COMMON),
  a('Republic of North Macedonia', 'MK', COMMON),
  a('Bosnia', 'BA', COMMON),
  a('Bosnia-Herzegovina', 'BA', COMMON),
  a('DR Congo', 'CD', COMMON),
  a('Congo-Kinshasa', 'CD', COMMON),
  a('Congo (DRC)', 'CD', COMMON),
  a('Congo-Brazzaville', 'CG', COMMON),
  a('Congo (Republic)', 'CG', COMMON),
  a('Vatican', 'VA', COMMON),
  a('Vatican City State', 'VA', COMMON),
  a('Federated States of Micronesia', 'FM', COMMON),
  a('Palestinian Territories', 'PS', CLDR),
  a('State of Palestine', 'PS', COMMON),
  a('The Bahamas', 'BS', COMMON),
  a('The Gambia', 'GM', COMMON),
  a('Kyrgyz Republic', 'KG', COMMON),
  a('St. Kitts and Nevis', 'KN', COMMON),
  a('St Kitts and Nevis', 'KN', COMMON),
  a('St. Lucia', 'LC', CLDR),
  a('St Lucia', 'LC', COMMON),
  a('St. Vincent and the Grenadines', 'VC', COMMON),
  a('St Vincent and the Grenadines', 'VC', COMMON),
  a('St. Helena', 'SH', CLDR),
  a('Saint Helena', 'SH', COMMON),
  a('Trinidad & Tobago', 'TT', CLDR),
  a('Antigua & Barbuda', 'AG', CLDR),
  a('Bosnia & Herzegovina', 'BA', CLDR),
  a('Turks & Caicos Islands', 'TC', CLDR),
  a('São Tomé & Príncipe', 'ST', CLDR),
  a('Caribbean Netherlands', 'BQ', CLDR),
  a('US Virgin Islands', 'VI', COMMON),
  a('Falklands', 'FK', COMMON),

  // Unicode CLDR English display names (what Intl.DisplayNames and many exports produce)
  a('St. Barthélemy', 'BL', CLDR),
  a('Congo - Kinshasa', 'CD', CLDR),
  a('Congo - Brazzaville', 'CG', CLDR),
  a('Côte d’Ivoire', 'CI', CLDR),
  a('South Georgia & South Sandwich Islands', 'GS', CLDR),
  a('Heard & McDonald Islands', 'HM', CLDR),
  a('St. Kitts & Nevis', 'KN', CLDR),
  a('St. Martin', 'MF', CLDR),
  a('Myanmar (Burma)', 'MM', CLDR),
  a('St. Pierre & Miquelon', 'PM', CLDR),
  a('Svalbard & Jan Mayen', 'SJ', CLDR),
  a('U.S. Outlying Islands', 'UM', CLDR),
  a('St. Vincent & Grenadines', 'VC', CLDR),
  a('Wallis & Futuna', 'WF', CLDR),

  // spellings without diacritics
  a('Aland Islands', 'AX', ASCII),
  a('Saint Barthelemy', 'BL', ASCII),
  a("Cote d'Ivoire", 'CI', ASCII),
  a('Curacao', 'CW', ASCII),
  a('Reunion', 'RE', ASCII),
  a('Sao Tome and Principe', 'ST', ASCII),
  a('Turkiye', 'TR', ASCII),
];

/** Countries sorted by code; throws on duplicate codes or names (case-insensitive). */
export function countryRows(): Country[] {
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const c of COUNTRIES) {
    if (!/^[A-Z]{2}$/.test(c.code)) throw new Error(`country_regions: bad code ${c.code}`);
    if (codes.has(c.code)) throw new Error(`country_regions: duplicate code ${c.code}`);
    const n = c.name.toLowerCase();
    if (names.has(n)) throw new Error(`country_regions: duplicate name ${c.name}`);
    codes.add(c.code);
    names.add(n);
  }
  return [...COUNTRIES].sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}

/**
 * Aliases sorted by code then alias (code-unit order); throws when an alias repeats (case-insensitive),
 * equals a country name, or points at an unknown code.
 */
export function countryAliasRows(): CountryAlias[] {
  const codes = new Set(COUNTRIES.map((c) => c.code));
  const names = new Set(COUNTRIES.map((c) => c.name.toLowerCase()));
  const seen = new Set<string>();
  for (const r of COUNTRY_ALIASES) {
    const k = r.alias.toLowerCase();
    if (!codes.has(r.code)) throw new Error(`country_aliases: unknown code ${r.code} for ${r.alias}`);
    if (names.has(k)) throw new Error(`country_aliases: alias repeats a country name: ${r.alias}`);
    if (codes.has(r.alias.toUpperCase()) && r.alias.length === 2) {
      throw new Error(`country_aliases: alias collides with an ISO code: ${r.alias}`);
    }
    if (seen.has(k)) throw new Error(`country_aliases: duplicate alias ${r.alias}`);
    seen.add(k);
  }
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return [...COUNTRY_ALIASES].sort((x, y) => cmp(x.code, y.code) || cmp(x.alias, y.alias));
}
