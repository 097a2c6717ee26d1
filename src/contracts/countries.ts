/**
 * ISO 3166-1 alpha-2: the 249 officially assigned codes. Names come from the browser's and Node's own `Intl.DisplayNames`
 * in the reader's language, so no table of names is shipped.
 */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/**
 * The European Economic Area: the 27 Member States, Iceland, Liechtenstein and Norway, with the parts of Member States
 * that have a code of their own and are inside the Union (the French outermost regions Guadeloupe, French Guiana,
 * Martinique, Réunion, Mayotte and Saint-Martin, Art. 349 and 355(1) TFEU; the Åland Islands). French overseas
 * collectivities outside the Union (New Caledonia, French Polynesia, Saint-Pierre-et-Miquelon, Wallis-et-Futuna,
 * Saint-Barthélemy, TAAF) are not: a transfer there is a transfer to a third country.
 */
export const EEA_CODES: readonly string[] =
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GP GF MQ RE YT MF AX'.split(
    ' ',
  );

/**
 * Countries with a European Commission adequacy decision (Art. 45 GDPR), as Gardien knows them on 1 December 2026: a
 * default to check against the Commission's page, not a verified fact (regulatory.md §6.3 [U]). `partial`: the
 * decision covers only some recipients there (United States: organisations certified under the Data Privacy
 * Framework of 10 July 2023; Canada: organisations subject to PIPEDA).
 */
export const ADEQUACY: Readonly<Record<string, 'full' | 'partial'>> = {
  AD: 'full',
  AR: 'full',
  CA: 'partial',
  CH: 'full',
  FO: 'full',
  GB: 'full',
  GG: 'full',
  IL: 'full',
  IM: 'full',
  JE: 'full',
  JP: 'full',
  KR: 'full',
  NZ: 'full',
  US: 'partial',
  UY: 'full',
};

const codes = new Set(COUNTRY_CODES);
export const isCountryCode = (c: string): boolean => codes.has(c);
