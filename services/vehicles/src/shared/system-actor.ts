// The actor audit records name when the service changes state on its own (an event from
// accreditation, the lapse sweep) rather than for a caller.
export const SYSTEM_ACTOR = { subject: 'system:vehicles', roles: [] as never[] };
