// Countries are ISO 3166-1 alpha-2 codes (DOMAIN.md "Who and what"), and only codes that name a
// country: "XX" or "ZZ" have the right shape and name nothing, so a mission or a nationality
// recorded with them would never match a reciprocity profile or a plate code.
//
// The list is generated, not typed: the 249 codes the ISO 3166 Maintenance Agency lists as
// officially assigned, as published by the npm packages iso-3166@4.4.0 (`iso31661`) and
// i18n-iso-countries@7.14.0 (`codes.json`), which agreed code for code when it was generated
// (2026-12). Kept here as data so that the kernel stays free of dependencies; regenerate when ISO
// assigns or withdraws a code (rarely: the last change was SS, South Sudan, in 2011).
const OFFICIALLY_ASSIGNED = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV
BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES
ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE
IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU
NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM
SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE
VG VI VN VU WF WS YE YT ZA ZM ZW`;

// XK (Kosovo) is not assigned by ISO but "user-assigned"; the United States recognises Kosovo, which
// has an embassy in Washington, and XK is the code the U.S. and the EU use for it.
const USER_ASSIGNED_IN_USE = ['XK'];

/** The country codes OFM accepts: ISO 3166-1 alpha-2 officially assigned, plus XK. */
export const COUNTRY_CODES: ReadonlySet<string> = new Set([
  ...OFFICIALLY_ASSIGNED.trim().split(/\s+/),
  ...USER_ASSIGNED_IN_USE,
]);

/** True for an upper-case country code OFM accepts ("FR", "XK"); false for "XX", "fr" or "FRA". */
export const isCountryCode = (value: unknown): value is string => typeof value === 'string' && COUNTRY_CODES.has(value);
