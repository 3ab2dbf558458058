import { z } from 'zod';

/** The closed list of institution types (R-ELIG-2 a–f, the coaching categories of R-COA-1, and "other"). */
export const INSTITUTION_TYPES = {
  exchange: { category: 'marketCore', licence: 'inherent' },
  registrationClearing: { category: 'marketCore', licence: 'inherent' },
  marketPublicFunction: { category: 'marketCore', licence: 'inherent' },
  marketCoreSubsidiary: { category: 'marketCore', licence: 'inherent' },
  securitiesCompany: { category: 'operating', licence: 'number' },
  futuresCompany: { category: 'operating', licence: 'number' },
  fundManagementCompany: { category: 'operating', licence: 'number' },
  publicFundSales: { category: 'service', licence: 'number' },
  fundSalesPayment: { category: 'service', licence: 'number' },
  fundShareRegistration: { category: 'service', licence: 'number' },
  fundValuation: { category: 'service', licence: 'number' },
  fundInvestmentAdvice: { category: 'service', licence: 'number' },
  fundEvaluation: { category: 'service', licence: 'number' },
  securitiesInvestmentConsulting: { category: 'service', licence: 'number' },
  creditRating: { category: 'service', licence: 'number' },
  regionalEquityMarket: { category: 'regionalEquity', licence: 'number' },
  fundCustodian: { category: 'custodian', licence: 'number' },
  csrcRecognised: { category: 'csrcRecognised', licence: 'number' },
  other: { category: 'other', licence: 'number' },
  itServiceProvider: { category: 'tech', licence: 'none' },
  itSubsidiary: { category: 'tech', licence: 'none' },
  representativeTech: { category: 'tech', licence: 'none' },
  techCompany: { category: 'tech', licence: 'none' },
} as const;

export type InstitutionType = keyof typeof INSTITUTION_TYPES;
export const InstitutionTypeSchema = z.enum(Object.keys(INSTITUTION_TYPES) as [InstitutionType, ...InstitutionType[]]);

/** A province/city pair as entered (registration or main office). */
export const PlaceSchema = z.object({ province: z.string().max(50), city: z.string().max(50) });
export type Place = z.infer<typeof PlaceSchema>;

/** One applicant institution, as structured data (never free text). */
export const ApplicantSchema = z.object({
  name: z.string().trim().min(1).max(200),
  uscc: z.string().max(40),
  institutionType: InstitutionTypeSchema,
  otherSpecified: z.string().max(200).optional(),
  otherCategory: z.enum(['operating', 'service']).optional(),
  confirmedByStaff: z.boolean().optional(),
  registration: PlaceSchema,
  mainOffice: PlaceSchema,
  licenceNumber: z.string().max(100).optional(),
  lead: z.boolean(),
  csrcFilingNumber: z.string().max(100).optional(),
  parentInstitution: z.string().max(200).optional(),
  coachingRef: z.string().max(100).optional(),
});
export type Applicant = z.infer<typeof ApplicantSchema>;

const SHANGHAI_NAMES = new Set(['上海', '上海市', '沪', 'shanghai', 'shanghaicity', 'shanghaishi']);

/** Whether a province or city name means Shanghai (上海 / 上海市 / 沪 / Shanghai, any width, case or spacing). */
export function isShanghaiName(raw: string): boolean {
  return SHANGHAI_NAMES.has(
    raw
      .normalize('NFKC')
      .replace(/[\s\u3000]+/g, '')
      .toLowerCase(),
  );
}

/** Whether a place is in Shanghai: a municipality, so either the province or the city field may name it. */
export function isInShanghai(place: Place): boolean {
  return isShanghaiName(place.province) || isShanghaiName(place.city);
}

/** Whether the applicant is a tech company (any coaching category or a generic tech firm). */
export function isTech(applicant: Applicant): boolean {
  return INSTITUTION_TYPES[applicant.institutionType].category === 'tech';
}

/** Licensed follows from type plus licence number: market core institutions by statute, others by their licence. */
export function isLicensed(applicant: Applicant): boolean {
  const { licence } = INSTITUTION_TYPES[applicant.institutionType];
  if (licence === 'inherent') return true;
  return licence === 'number' && (applicant.licenceNumber ?? '').trim() !== '';
}

/** R-ELIG-1: fund management companies count by main office, every other institution by registration. */
export function locationBasis(applicant: Applicant): 'mainOffice' | 'registration' {
  return applicant.institutionType === 'fundManagementCompany' ? 'mainOffice' : 'registration';
}

/** R-APP-7: the lead is a CSRC market core institution registered in Shanghai. */
export function isShanghaiMarketCoreApplication(applicants: readonly Applicant[]): boolean {
  const lead = applicants.find((a) => a.lead);
  return (
    lead !== undefined &&
    INSTITUTION_TYPES[lead.institutionType].category === 'marketCore' &&
    isInShanghai(lead.registration)
  );
}
