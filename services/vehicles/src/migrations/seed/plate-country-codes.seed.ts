// Plate country codes seeded by the first migration: the sending states of the missions in
// /work/shared/data/foreign-missions-us.csv (historical codes DY, HV, FX, YU mapped to BJ, BF, FR, RS),
// in ISO order, allocated with plate.rules' scheme. Frozen with the migration: a later change to
// the scheme must not move a code already on a plate. Countries not listed get the next free code
// when their first vehicle is registered.
export const SEEDED_PLATE_COUNTRY_CODES: ReadonlyArray<readonly [country: string, code: string]> = [
  ['AD', 'LM'], ['AE', 'RT'], ['AF', 'VY'], ['AG', 'AD'], ['AL', 'EJ'], ['AM', 'JP'], ['AO', 'NV'], ['AR', 'UA'],
  ['AT', 'YF'], ['AZ', 'CL'], ['BA', 'GS'], ['BB', 'LX'], ['BD', 'SC'], ['BE', 'WH'], ['BF', 'AN'], ['BG', 'EU'],
  ['BH', 'JZ'], ['BI', 'PE'], ['BJ', 'UK'], ['BN', 'YR'], ['BO', 'CW'], ['BR', 'HB'], ['BS', 'MG'], ['BW', 'SM'],
  ['BY', 'WT'], ['BZ', 'AY'], ['CA', 'FD'], ['CF', 'KJ'], ['CG', 'PP'], ['CH', 'UV'], ['CI', 'ZA'], ['CL', 'DF'],
  ['CM', 'HL'], ['CN', 'MS'], ['CO', 'SX'], ['CR', 'XC'], ['CU', 'BH'], ['CV', 'FN'], ['CY', 'KU'], ['CZ', 'PZ'],
  ['DE', 'VE'], ['DJ', 'ZK'], ['DK', 'DR'], ['DO', 'HW'], ['DZ', 'NB'], ['EC', 'TG'], ['EE', 'XM'], ['EG', 'BT'],
  ['ER', 'FY'], ['ES', 'LD'], ['ET', 'RJ'], ['FI', 'VP'], ['FM', 'ZV'], ['FR', 'EA'], ['GA', 'JF'], ['GB', 'NL'],
  ['GD', 'TS'], ['GE', 'XX'], ['GH', 'CC'], ['GM', 'GH'], ['GN', 'LN'], ['GQ', 'RU'], ['GR', 'VZ'], ['GT', 'AE'],
  ['GY', 'EK'], ['HN', 'JR'], ['HR', 'NW'], ['HT', 'UB'], ['HU', 'YG'], ['ID', 'CM'], ['IE', 'GT'], ['IL', 'LY'],
  ['IN', 'SD'], ['IQ', 'WJ'], ['IR', 'AP'], ['IS', 'EV'], ['IT', 'KA'], ['JM', 'PF'], ['JO', 'UL'], ['JP', 'YS'],
  ['KE', 'CX'], ['KG', 'HC'], ['KH', 'MH'], ['KN', 'SN'], ['KR', 'WU'], ['KW', 'AZ'], ['KZ', 'FE'], ['LA', 'KK'],
  ['LB', 'PR'], ['LC', 'UW'], ['LI', 'ZB'], ['LK', 'DG'], ['LR', 'HM'], ['LS', 'MT'], ['LT', 'SY'], ['LU', 'XD'],
  ['LV', 'BJ'], ['LY', 'FP'], ['MA', 'KV'], ['MC', 'RA'], ['MD', 'VF'], ['ME', 'ZL'], ['MG', 'DS'], ['MH', 'HX'],
  ['MK', 'NC'], ['ML', 'TH'], ['MM', 'XN'], ['MN', 'BU'], ['MR', 'FZ'], ['MT', 'LE'], ['MU', 'RK'], ['MW', 'VR'],
  ['MX', 'ZW'], ['MY', 'EB'], ['MZ', 'JG'], ['NA', 'NM'], ['NE', 'TT'], ['NG', 'XY'], ['NI', 'CD'], ['NL', 'GJ'],
  ['NO', 'LP'], ['NP', 'RV'], ['NZ', 'WA'], ['OM', 'AF'], ['PA', 'EL'], ['PE', 'JS'], ['PG', 'NX'], ['PH', 'UC'],
  ['PK', 'YH'], ['PL', 'CN'], ['PS', 'GU'], ['PT', 'LZ'], ['PW', 'SE'], ['PY', 'WK'], ['QA', 'AR'], ['RO', 'EW'],
  ['RS', 'KB'], ['RU', 'PG'], ['RW', 'UM'], ['SA', 'YT'], ['SC', 'CY'], ['SD', 'HD'], ['SE', 'MJ'], ['SG', 'SP'],
  ['SI', 'WV'], ['SK', 'BA'], ['SL', 'FF'], ['SM', 'KL'], ['SN', 'PS'], ['SR', 'UX'], ['SS', 'ZC'], ['ST', 'DH'],
  ['SV', 'HN'], ['SY', 'MU'], ['SZ', 'XE'], ['TD', 'SZ'], ['TG', 'BK'], ['TH', 'FR'], ['TJ', 'KW'], ['TL', 'RB'],
  ['TM', 'VG'], ['TN', 'ZM'], ['TR', 'DT'], ['TT', 'HY'], ['TW', 'ND'], ['TZ', 'TJ'], ['UA', 'XP'], ['UG', 'BV'],
  ['UY', 'GA'], ['UZ', 'LF'], ['VA', 'RL'], ['VE', 'VS'], ['VN', 'ZX'], ['XK', 'EC'], ['YE', 'JH'], ['ZA', 'NN'],
  ['ZM', 'TU'], ['ZW', 'XZ'],
];
