// proto3 has no "absent" string: the empty string stands for it on the wire, null in the REST answer.
export const orNull = (value: string | null | undefined): string | null => (value ? value : null);
