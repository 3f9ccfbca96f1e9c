/**
 * Bilingual texts rendered when read (惰性文本). An assessment carries a `detail` and often a gap
 * text for each of its criteria; formatting both languages for 100,000 profiles and keeping the
 * strings dominated the batch time (garbage collection of ≈ 15 KB per assessment), so results hold
 * a template and the figures it needs, and the strings are made only when someone reads or
 * serialises them.
 */
import type { Bilingual } from '@kechuang/domain';

/**
 * A text template: one renderer per language over the arguments `A`. Renderers must be pure
 * functions of their arguments, so a text reads the same every time and whoever reads it.
 */
export type TextTemplate<A> = {
  readonly zh: (args: A) => string;
  readonly en: (args: A) => string;
};

/** A frozen {@link TextTemplate}, declared once per text at module level. */
export function textTemplate<A>(zh: (args: A) => string, en: (args: A) => string): TextTemplate<A> {
  return Object.freeze({ zh, en });
}

/**
 * A {@link Bilingual} text rendered on demand: `zh` and `en` are getters, `toJSON` gives the plain
 * `{ zh, en }`, so `JSON.stringify(assessment)` writes the full texts. The template and its
 * arguments are private and never changed after construction; each assessment gets its own
 * arguments, so texts of two assessments share nothing mutable. Spread (`{ ...text }`) and
 * `structuredClone` see no own properties: use `toJSON()` (or JSON) for a plain copy.
 */
export class LazyText<A> implements Bilingual {
  readonly #template: TextTemplate<A>;
  readonly #args: A;

  constructor(template: TextTemplate<A>, args: A) {
    this.#template = template;
    this.#args = args;
  }

  get zh(): string {
    return this.#template.zh(this.#args);
  }

  get en(): string {
    return this.#template.en(this.#args);
  }

  /** The plain `{ zh, en }` (what `JSON.stringify` writes). */
  toJSON(): Bilingual {
    return { zh: this.zh, en: this.en };
  }

  /** Node's `util.inspect` (console.log) shows the rendered texts, not the empty instance. */
  [Symbol.for('nodejs.util.inspect.custom')](): Bilingual {
    return this.toJSON();
  }
}

/** A lazily rendered text of `template` over `args` (which the caller must not change afterwards). */
export function lazyText<A>(template: TextTemplate<A>, args: A): Bilingual {
  return new LazyText(template, args);
}

/** A static text shared by every result that shows it: frozen, so no result can change it. */
export function staticText(zh: string, en: string): Bilingual {
  return Object.freeze({ zh, en });
}
