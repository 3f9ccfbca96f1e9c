/**
 * The error thrown by the analysis, weighting and optimisation modules: one message holding the
 * Chinese and the English text, "中文 / English", like the engine's other errors.
 */
export function bilingualError(zh: string, en: string): Error {
  return new Error(`${zh} / ${en}`);
}
