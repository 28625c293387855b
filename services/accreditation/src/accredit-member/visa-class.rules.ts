import type { MemberCategory, VisaClass } from '@ofm/contracts';
import type { MemberEntity } from '../member/member.entity';

type PrincipalCategory = Exclude<MemberCategory, 'dependent'>;

// Which visa classes fit which category. Sources (reference/domain-research.md §1.6): A-1 diplomats
// and career consular officers, A-2 other government officials and employees, A-3 their personal
// employees; G-1..G-3 members of missions to IOs, G-4 IO officers and employees, G-5 their personal
// employees; NATO-1..3 national representatives and their staff, NATO-4..6 NATO officials, experts
// and civilian component, NATO-7 personal employees. NATO sub-classes are unconfirmed, so the
// table is generous there. `undefined` = no visa expected (honorary consuls are U.S. citizens or
// permanent residents; locally employed staff are hired in the U.S. in whatever status they hold).
const FITTING_VISA: Readonly<Record<PrincipalCategory, readonly VisaClass[] | undefined>> = {
  'diplomatic-agent': ['A-1'],
  'administrative-technical': ['A-2'],
  'service-staff': ['A-2'],
  'consular-officer': ['A-1'],
  'consular-employee': ['A-2'],
  'consular-service-staff': ['A-2'],
  'honorary-consular-officer': undefined,
  'io-diplomatic': ['G-1', 'G-2', 'G-3', 'NATO-1', 'NATO-2'],
  'io-support-staff': ['G-1', 'G-2', 'G-3', 'NATO-2', 'NATO-3'],
  'io-official': ['G-4', 'NATO-4', 'NATO-5', 'NATO-6'],
  'locally-employed': undefined,
  'domestic-worker': ['A-3', 'G-5', 'NATO-7'],
};

/** The visa classes that fit, or undefined when none is expected. Dependents hold their principal's class. */
export const fittingVisaClasses = (
  category: MemberCategory,
  principal?: Pick<MemberEntity, 'category' | 'visaClass'>,
): readonly string[] | undefined => {
  if (category !== 'dependent') return FITTING_VISA[category];
  if (!principal || principal.category === 'dependent' || !FITTING_VISA[principal.category]) return undefined;
  // A/G/NATO family members get the derivative of the principal's visa, which is the same class.
  return principal.visaClass ? [principal.visaClass] : FITTING_VISA[principal.category];
};
