import type { Filing } from '../filing/filing'
import type { AnyCredentialClaims, FilingCredentialClaims } from './claims'
import { effectiveEndDate, materialsSuppliedBy } from '../filing/status'
import { maskName } from '../identity/mask'
import { policyFor } from '../policy/policyFor'
import { CREDENTIAL_CLAIMS_VERSION } from './claims'

export interface ClaimsContext {
  /** 姓名 in full; only its masked form goes into the claims. */
  name: string
  /** base64url HMAC tag of `idTagInput(...)`, computed by the caller with the 就医地's counter key. */
  idTag: string
  keyId: string
  /** ISO instant of issuance. */
  issuedAt: string
  /** Calendar day of issuance (China time). */
  today: string
}

/** The claims to sign for a filing as it stands on `context.today`. */
export function claimsForFiling(filing: Filing, context: ClaimsContext): FilingCredentialClaims {
  return {
    v: CREDENTIAL_CLAIMS_VERSION,
    filingNumber: filing.filingNumber,
    maskedName: maskName(context.name),
    idTag: context.idTag,
    category: filing.category,
    insuranceType: filing.insuranceType,
    insuredRegion: filing.insuredRegion,
    destination: filing.destination,
    validFrom: filing.startDate,
    validTo: effectiveEndDate(filing),
    promise: filing.byPromise && !materialsSuppliedBy(filing, context.today),
    oneVisit: filing.oneVisit,
    ...(filing.referredByCode !== undefined && { referredByCode: filing.referredByCode }),
    keyId: context.keyId,
    issuedAt: context.issuedAt,
  }
}

/**
 * A filing rebuilt from verified claims, so an offline counter answers with the same
 * `coversAdmission` as the server. Revoked or used filings must be filtered out first with the
 * cached revocation list.
 */
export function filingFromClaims(claims: AnyCredentialClaims): Filing {
  return {
    filingId: claims.filingNumber,
    filingNumber: claims.filingNumber,
    insuredRegion: claims.insuredRegion,
    insuranceType: claims.insuranceType,
    category: claims.category,
    destination: claims.destination,
    startDate: claims.validFrom,
    endDate: claims.validTo,
    oneVisit: claims.oneVisit,
    filedOn: claims.validFrom,
    destinationChangedOn: null,
    byPromise: claims.promise,
    promiseEndDate: null,
    materialsSuppliedOn: null,
    cancelledOn: null,
    usedOn: null,
    ...referrerOf(claims),
  }
}

/**
 * The referrer of a credential: by code; one issued before codes named the hospital, and a
 * name the insured region's policy lists stands for that hospital's code, so such QR codes keep
 * their local rate until they expire.
 */
function referrerOf(claims: AnyCredentialClaims): Pick<Filing, 'referredBy' | 'referredByCode'> {
  if (claims.referredByCode !== undefined)
    return { referredByCode: claims.referredByCode }
  if (claims.referredBy === undefined)
    return {}
  const listed = policyFor(claims.insuredRegion).fullRateReferralHospitals.find(hospital => hospital.name === claims.referredBy)
  return { referredBy: claims.referredBy, ...(listed && { referredByCode: listed.code }) }
}
