import { importJWK, SignJWT, type JWK } from 'jose';
import { DEV_ALG } from './dev-keys';
import { isRole, ROLES, type Role } from './roles';

export const DEFAULT_ISSUER = 'https://auth.ofm.local/dev';
export const DEFAULT_AUDIENCE = 'ofm-platform';
export const DEFAULT_TTL = '1h';

export interface DevTokenRequest {
  roles: string[];
  missionId?: string;
  subject?: string;
  ttl?: string;
  issuer?: string;
  audience?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TTL = /^(\d+)\s*(s|m|h|d)$/;

// Checks what the gateway would otherwise reject later with a less helpful 401/403.
export const validateTokenRequest = (req: DevTokenRequest): Role[] => {
  if (req.roles.length === 0) throw new Error(`at least one --role is required (one of ${ROLES.join(', ')})`);
  const unknown = req.roles.filter((r) => !isRole(r));
  if (unknown.length > 0) throw new Error(`unknown role ${unknown.join(', ')}: use ${ROLES.join(', ')}`);
  const roles = [...new Set(req.roles)] as Role[];
  if (req.missionId !== undefined && !UUID.test(req.missionId))
    throw new Error(`--mission must be a mission id (UUID), got "${req.missionId}"`);
  if (roles.includes('mission-user') && req.missionId === undefined)
    throw new Error('role mission-user needs --mission <mission id>');
  if (req.ttl !== undefined && !TTL.test(req.ttl))
    throw new Error(`--ttl must look like 30s, 15m, 1h or 7d, got "${req.ttl}"`);
  return roles;
};

export const mintDevToken = async (privateJwk: JWK, req: DevTokenRequest): Promise<string> => {
  const roles = validateTokenRequest(req);
  const key = await importJWK(privateJwk, DEV_ALG);
  const claims: Record<string, unknown> = { roles };
  if (req.missionId !== undefined) claims.mission_id = req.missionId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALG, typ: 'JWT', ...(privateJwk.kid ? { kid: privateJwk.kid } : {}) })
    .setIssuer(req.issuer ?? DEFAULT_ISSUER)
    .setAudience(req.audience ?? DEFAULT_AUDIENCE)
    .setSubject(req.subject ?? `dev-${roles[0]}`)
    .setIssuedAt()
    .setExpirationTime((req.ttl ?? DEFAULT_TTL).replace(/\s+/g, ''))
    .sign(key);
};
