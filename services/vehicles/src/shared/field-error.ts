// Same shape as @ofm/platform's FieldError; declared here so that the pure rules import no framework code.
export interface FieldError {
  field: string;
  message: string;
}
