import { z } from 'zod';
import { ConfigError } from './config.error';

type Env = Record<string, string | undefined>;

// Validates the environment against a service's schema. Empty variables count as missing, because
// `FOO=` in a compose file or a Helm value left blank means "not configured", not "empty string".
export const loadConfig = <S extends z.ZodObject>(schema: S, env: Env = process.env): z.infer<S> => {
  const cleaned: Env = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') cleaned[key] = value;
  }
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(describeIssues(result.error.issues, cleaned));
};

const describeIssues = (issues: readonly z.core.$ZodIssue[], env: Env): string[] => {
  const problems = new Map<string, string>();
  for (const issue of issues) {
    const name = issue.path.length > 0 ? issue.path.map(String).join('.') : '(config)';
    if (problems.has(name)) continue;
    const missing = issue.path.length > 0 && env[String(issue.path[0])] === undefined;
    problems.set(name, missing ? 'required' : issue.message);
  }
  return [...problems].map(([name, message]) => `${name}: ${message}`);
};
