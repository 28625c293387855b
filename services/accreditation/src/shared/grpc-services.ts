// The gRPC service a controller's methods answer, named where two folders' controllers share one
// (tenure/ and recertification/ both answer ofm.accreditation.v1.TenureService).
export const TENURE_SERVICE = 'TenureService';
