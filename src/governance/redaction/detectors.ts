import { bankAccountDetector, bankRoutingDetector, ibanDetector, swiftDetector } from './bank-detectors.ts';
import { passwordDetector, pinDetector, usernameDetector } from './credential-detectors.ts';
import { dateTimeDetector } from './date-time-detector.ts';
import type { Detector } from './detector.ts';
import { emailDetector } from './email-detector.ts';
import type { PiiEntityType } from './entity-types.ts';
import { driverIdDetector, licensePlateDetector, passportDetector, vinDetector } from './id-document-detectors.ts';
import { ipAddressDetector } from './ip-address-detector.ts';
import { macAddressDetector } from './mac-address-detector.ts';
import { nameDetector } from './name-detector.ts';
import { phoneDetector } from './phone-detector.ts';
import { urlDetector } from './url-detector.ts';
import { itinDetector, ssnDetector } from './us-tax-id-detector.ts';

/** The detector of each entity type. */
export const DETECTORS: Readonly<Record<PiiEntityType, Detector>> = {
  DATE_TIME: dateTimeDetector,
  DRIVER_ID: driverIdDetector,
  EMAIL: emailDetector,
  INTERNATIONAL_BANK_ACCOUNT_NUMBER: ibanDetector,
  IP_ADDRESS: ipAddressDetector,
  LICENSE_PLATE: licensePlateDetector,
  MAC_ADDRESS: macAddressDetector,
  NAME: nameDetector,
  PASSWORD: passwordDetector,
  PHONE: phoneDetector,
  PIN: pinDetector,
  SWIFT_CODE: swiftDetector,
  URL: urlDetector,
  USERNAME: usernameDetector,
  VEHICLE_IDENTIFICATION_NUMBER: vinDetector,
  BANK_ACCOUNT_NUMBER: bankAccountDetector,
  BANK_ROUTING: bankRoutingDetector,
  PASSPORT_NUMBER: passportDetector,
  US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER: itinDetector,
  SSN: ssnDetector,
};
