/**
 * The dashboard's only door to the server: typed JSON calls to `/api`, the session's CSRF token
 * on every non-GET request, and the API's bilingual error body turned into {@link ApiError}.
 */
import type { ApiErrorBody, Bilingual } from './types.ts';

/** A failed API call: HTTP status, the API's stable code and its message in both languages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: Bilingual;
  readonly details: unknown;
  constructor(status: number, code: string, text: Bilingual, details?: unknown) {
    super(`${code}: ${text.en}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.text = text;
    this.details = details;
  }
}

/** Query-string values; `undefined`, `null` and `''` are left out. */
export type Query = Record<string, string | number | boolean | null | undefined>;

let csrfToken: string | null = null;

/** Remembers the token from `GET /api/session` or login; sent as `x-csrf-token`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** `/api/x` + query string, skipping empty values. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error;
}

/** Turns any failed response into an ApiError, even when the body is not the API's JSON. */
async function errorOf(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (isErrorBody(body)) {
    const m = body.error.message;
    const text =
      typeof m === 'string'
        ? { zh: m, en: m }
        : { zh: m?.zh ?? m?.en ?? '', en: m?.en ?? m?.zh ?? '' };
    return new ApiError(res.status, body.error.code, text, body.error.details);
  }
  return new ApiError(res.status, `HTTP_${res.status}`, {
    zh: `服务器返回 ${res.status}`,
    en: `The server answered ${res.status}`,
  });
}

async function send(method: string, url: string, body?: BodyInit, json = false): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (json) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', {
      zh: '无法连接服务器，请检查网络',
      en: 'Cannot reach the server; check the connection',
    });
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

async function jsonOf<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const prefetched = new Map<string, Promise<unknown>>();

/**
 * Starts a GET before the page that needs it has loaded (the entry prefetches the overview's
 * data while the route chunk downloads); the first `api.get` of the same URL takes the answer.
 */
export function prefetch(path: string, query?: Query): void {
  const url = apiUrl(path, query);
  if (prefetched.has(url)) return;
  const answer = send('GET', url).then((res) => jsonOf<unknown>(res));
  // A prefetch nobody reads must not surface as an unhandled rejection.
  answer.catch(() => undefined);
  prefetched.set(url, answer);
}

/** Typed calls to the API. Paths start after `/api`, e.g. `api.get('/rankings', { year })`. */
export const api = {
  async get<T>(path: string, query?: Query): Promise<T> {
    const url = apiUrl(path, query);
    const early = prefetched.get(url);
    if (early) {
      prefetched.delete(url);
      return (await early) as T;
    }
    return jsonOf<T>(await send('GET', url));
  },
  async post<T>(path: string, body?: unknown, query?: Query): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return jsonOf<T>(await send('POST', apiUrl(path, query), payload, payload !== undefined));
  },
  async put<T>(path: string, body: unknown): Promise<T> {
    return jsonOf<T>(await send('PUT', apiUrl(path), JSON.stringify(body), true));
  },
  async patch<T>(path: string, body: unknown): Promise<T> {
    return jsonOf<T>(await send('PATCH', apiUrl(path), JSON.stringify(body), true));
  },
  async delete<T>(path: string): Promise<T> {
    return jsonOf<T>(await send('DELETE', apiUrl(path)));
  },
  /** Multipart upload (imports): the browser sets the boundary. */
  async upload<T>(path: string, form: FormData, query?: Query): Promise<T> {
    return jsonOf<T>(await send('POST', apiUrl(path, query), form));
  },
  /** A file download (XLSX, CSV) as a Blob with the server's file name. */
  async download(path: string, query?: Query): Promise<{ blob: Blob; fileName: string | null }> {
    const res = await send('GET', apiUrl(path, query));
    const disposition = res.headers.get('content-disposition') ?? '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
    const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
    const fileName = star ? decodeURIComponent(star) : (plain ?? null);
    return { blob: await res.blob(), fileName };
  },
};

/** Saves a Blob through a temporary link (no extra library). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
