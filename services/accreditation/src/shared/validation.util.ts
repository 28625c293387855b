import type { FieldError } from '@ofm/platform';
import { isIsoDate } from './calendar.util';

// Small collectors used by the request validators: each names the REST field (camelCase) so the
// gateway's problem+json points at what to fix, and every bad field is reported, not just the first.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_ALPHA2 = /^[A-Z]{2}$/;

export const isUuid = (value: string | undefined | null): boolean => !!value && UUID.test(value);
export const isCountryCode = (value: string | undefined | null): boolean => !!value && ISO_ALPHA2.test(value);

export class FieldErrors {
  readonly errors: FieldError[] = [];

  add(field: string, message: string): this {
    this.errors.push({ field, message });
    return this;
  }

  text(field: string, value: string | undefined, { required = true, max = 200 } = {}): this {
    const v = value?.trim() ?? '';
    if (!v) return required ? this.add(field, 'is required') : this;
    if (v.length > max) this.add(field, `must be at most ${max} characters`);
    return this;
  }

  date(field: string, value: string | undefined, { required = true } = {}): this {
    if (!value) return required ? this.add(field, 'is required') : this;
    if (!isIsoDate(value)) this.add(field, 'must be an ISO 8601 date (YYYY-MM-DD)');
    return this;
  }

  uuid(field: string, value: string | undefined, { required = true } = {}): this {
    if (!value) return required ? this.add(field, 'is required') : this;
    if (!isUuid(value)) this.add(field, 'must be a UUID');
    return this;
  }

  country(field: string, value: string | undefined): this {
    if (!value) return this.add(field, 'is required');
    if (!isCountryCode(value)) this.add(field, 'must be an ISO 3166-1 alpha-2 code such as "FR"');
    return this;
  }

  oneOf<T extends string>(
    field: string,
    value: string | undefined,
    allowed: readonly T[],
    { required = true } = {},
  ): this {
    if (!value) return required ? this.add(field, 'is required') : this;
    if (!(allowed as readonly string[]).includes(value)) this.add(field, `must be one of: ${allowed.join(', ')}`);
    return this;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}
