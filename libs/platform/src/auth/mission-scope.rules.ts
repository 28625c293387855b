// The mission-scope rule lives in @ofm/kernel (framework-free, shared with the services' domain
// rules); re-exported here so that `import { canSeeMission } from '@ofm/platform'` keeps working.
export { canSeeMission, missionRestriction, type ScopedActor } from '@ofm/kernel';
