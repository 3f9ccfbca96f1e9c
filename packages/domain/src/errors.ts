/** A text in Chinese and English (中英双语). Chinese first: it is the working language of users. */
export type Bilingual = { zh: string; en: string };

/**
 * The bilingual error shape used by every layer (domain, registry, API, web): a stable machine
 * `code`, a message users can act on in both languages, and optional structured `details`
 * (field path, expected and actual values, whether an editor may override it).
 */
export type DomainError = {
  code: string;
  message: Bilingual;
  details?: Record<string, unknown>;
};

/** Shorthand for a bilingual text. */
export function bilingual(zh: string, en: string): Bilingual {
  return { zh, en };
}

/** Builds a {@link DomainError}; `details` is omitted when not given. */
export function domainError(
  code: string,
  zh: string,
  en: string,
  details?: Record<string, unknown>,
): DomainError {
  return details === undefined
    ? { code, message: { zh, en } }
    : { code, message: { zh, en }, details };
}

/** One line per error, `zh / en`, for logs and CLI output. */
export function formatDomainErrors(errors: readonly DomainError[]): string {
  return errors.map((e) => `[${e.code}] ${e.message.zh} / ${e.message.en}`).join('\n');
}

/** Thrown by the `…OrThrow` helpers when input is unusable; carries every error found. */
export class DomainValidationError extends Error {
  readonly errors: DomainError[];
  constructor(errors: DomainError[]) {
    super(formatDomainErrors(errors));
    this.name = 'DomainValidationError';
    this.errors = errors;
  }
}
