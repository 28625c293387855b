// The PID, OFM's identifier of a person, is 10 digits. It comes from a database sequence that starts
// at 1000000000 and stops at 9999999999, so every value already has 10 digits and is unique
// without check-then-insert races (the unique index on member.pid is the safety net).
export const PID_FIRST = 1_000_000_000;
export const PID_LAST = 9_999_999_999;
export const PID_PATTERN = /^\d{10}$/;

export const formatPid = (sequenceValue: number | string): string => {
  const pid = String(sequenceValue);
  if (!PID_PATTERN.test(pid) || Number(pid) < PID_FIRST)
    throw new RangeError(`PID sequence value out of range: ${pid}`);
  return pid;
};
