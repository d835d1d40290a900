/** A schema finding on a span of a document, before it becomes a diagnostic. */
import type { Span } from '../parse/nodes';
import type { LocalizedText, Severity } from '../types';

export interface SchemaProblem {
  code: string;
  span: Span;
  message: LocalizedText;
  /** `error` when not given: what the API server rejects. */
  severity?: Severity;
  data?: Record<string, unknown>;
}
