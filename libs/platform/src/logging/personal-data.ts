// The one list of what a log line may never carry. Personal fields come from the messages that hold
// a person: Member and NotifyAppointmentRequest (proto/ofm/accreditation/v1/member.proto), the
// Verification answer (proto/ofm/common/v1/verification.proto: the holder's `name`), Address
// (common.proto) and InsurancePolicy (proto/ofm/vehicles/v1/vehicle.proto), plus what DOMAIN.md
// says OFM records of a person (passport, residence). Each is listed in camelCase (ts-proto, JSON,
// entities) and reaches the logger in snake_case too (table columns, raw rows): both are redacted.
// A VIN and a plate are kept: they name a vehicle, a plate is written on the car, and an operator
// needs them to follow a registration.
export const PERSONAL_FIELDS = [
  // Names: Member.given_name, family_name; Verification.name (the card holder).
  'givenName',
  'familyName',
  'fullName',
  'name',
  // Member.date_of_birth.
  'dateOfBirth',
  'birthDate',
  'dob',
  // Address and its lines (common.proto), wherever an address of a person ends up.
  'address',
  'homeAddress',
  'residenceAddress',
  'line1',
  'line2',
  'street',
  'postalCode',
  // Passport details (DOMAIN.md: a diplomatic passport is an accreditation criterion).
  'passport',
  'passportNumber',
  'passportType',
  // The ID card's number identifies its holder (GET /verify?idCard=).
  'idCard',
  'idCardNumber',
  // Free text about the person.
  'terminationReason',
  // InsurancePolicy.policy_number identifies the insured member at the insurer.
  'policyNumber',
] as const;

// Secrets, masked like the personal fields.
export const CREDENTIAL_FIELDS = ['password', 'authorization', 'cookie'] as const;

// SQL query parameters (TypeORM's QueryFailedError.parameters, a logged query's values): the values
// of a member insert are names and dates of birth.
export const QUERY_PARAMETER_FIELDS = ['parameters'] as const;

export const REDACTED = '***';

const snakeCase = (field: string): string => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

// Every key to redact, both spellings.
export const redactedKeys = (): string[] => {
  const fields = [...PERSONAL_FIELDS, ...CREDENTIAL_FIELDS, ...QUERY_PARAMETER_FIELDS];
  return [...new Set(fields.flatMap((field) => [field, snakeCase(field)]))];
};
