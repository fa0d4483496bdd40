// The companion API over fetch: the session cookie travels by itself; every state-changing
// request carries the CSRF token handed out at sign-in (docs/api.md). Errors arrive as RFC 9457
// problem+json and are thrown as ApiError so every page can show their detail.
import { t } from './i18n.js';

const CSRF_KEY = 'rollwell.csrf';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** The route is not on this server (yet): an unknown route answers 404 naming "path". */
  get routeMissing() {
    return this.status === 404 && this.problem.field === 'path';
  }
}

let onSignedOut = () => {};

export function whenSignedOut(fn) {
  onSignedOut = fn;
}

export function setCsrf(token) {
  if (token) sessionStorage.setItem(CSRF_KEY, token);
  else sessionStorage.removeItem(CSRF_KEY);
}

export function hasCsrf() {
  return sessionStorage.getItem(CSRF_KEY) !== null;
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const csrf = sessionStorage.getItem(CSRF_KEY);
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  let res;
  try {
    res = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { detail: t('error.network') });
  }
  const text = res.status === 204 ? '' : await res.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch (e) { json = null; }
  }
  if (!res.ok) {
    const problem = json && typeof json === 'object' ? json : { detail: text || res.statusText };
    const err = new ApiError(res.status, problem);
    if (res.status === 401 && path !== '/api/session') onSignedOut(err);
    throw err;
  }
  return json;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);
