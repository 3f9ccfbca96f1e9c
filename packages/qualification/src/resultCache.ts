/**
 * Criterion results shared between assessments (共享结果). In a batch most 高企 criteria (scored
 * items, management items, the IP and field conditions, the innovation total …) come out the same
 * for many firms, and keeping one copy per assessment was most of the ≈ 6.8 KB each result held
 * (garbage-collector copying dominated `assessMany` of 100,000). A rule set keeps one cache per
 * criterion, keyed by the few small numbers its result depends on; a cached result is frozen with
 * its texts rendered once, so no assessment can change what another one shows.
 */
import type { Bilingual } from '@kechuang/domain';
import { LazyText, staticText } from './lazyText.ts';
import type { CriterionResult } from './types.ts';

/** Cached results per cache at most: the keys are small, but never let a cache grow without bound. */
const DEFAULT_LIMIT = 20_000;

/** A frozen copy of a text: lazy texts are rendered now (static ones are already frozen). */
function frozenText(text: Bilingual): Bilingual {
  if (text instanceof LazyText) return staticText(text.zh, text.en);
  return Object.isFrozen(text) ? text : staticText(text.zh, text.en);
}

/**
 * Freezes a freshly built result in place (so its keys keep their order) with every text rendered;
 * its score range is its own or already frozen. Results with `readings` are not shared.
 */
function freezeResult(r: CriterionResult): CriterionResult {
  r.detail = frozenText(r.detail);
  if (r.note) r.note = frozenText(r.note);
  if (r.score) Object.freeze(r.score);
  if (r.gap) r.gap = Object.freeze({ ...r.gap, text: frozenText(r.gap.text) });
  return Object.freeze(r);
}

/**
 * Frozen criterion results by key: `get(key, make)` returns the result cached under `key`, or
 * builds it with `make`, freezes it and keeps it. The caller's key must determine the result
 * completely (every figure `make` reads); callers whose figures do not fit a small key build the
 * result themselves instead.
 */
export class ResultCache<K> {
  readonly #results = new Map<K, CriterionResult>();
  readonly #limit: number;

  constructor(limit = DEFAULT_LIMIT) {
    this.#limit = limit;
  }

  /**
   * The shared (frozen) result for `key`; `make` must return a new result without `readings`.
   * Once the cache is full, new keys get `make()` itself (unshared, texts still lazy).
   */
  get(key: K, make: () => CriterionResult): CriterionResult {
    let r = this.#results.get(key);
    if (r !== undefined) return r;
    // Full: a result of its own, with lazy texts, rather than rendering texts nobody shares.
    if (this.#results.size >= this.#limit) return make();
    r = freezeResult(make());
    this.#results.set(key, r);
    return r;
  }

  /** Forgets every result (when something the keys leave out, such as the date, changes). */
  clear(): void {
    this.#results.clear();
  }
}

/** `point + 1` for an integer point 0–30 and 0 for no point; `undefined` when it cannot be a key. */
export function pointKey(point: number | undefined): number | undefined {
  if (point === undefined) return 0;
  return Number.isInteger(point) && point >= 0 && point <= 30 ? point + 1 : undefined;
}
