/**
 * Qualification pre-assessment over the registry (资质预评估): profiles from the registry's
 * records, stored batch runs, candidate lists, expiring certificates, missing yearly updates.
 */
export {
  type AssessmentChange,
  type AssessmentRun,
  type Candidate,
  compareAssessmentRuns,
  type ExpiringQualification,
  expiringQualifications,
  getAssessmentRun,
  listAssessmentRuns,
  type MissingAnnualUpdate,
  missingAnnualUpdates,
  readCandidates,
  YEARLY_QUALIFICATIONS,
} from './assessmentLists.ts';
export {
  type AssessmentCounts,
  type AssessRegistryOptions,
  type AssessRegistryResult,
  assessRegistry,
} from './assessRegistry.ts';
export {
  loadEnterpriseProfiles,
  type ProfileFilter,
  type RegistryProfile,
} from './enterpriseProfiles.ts';
