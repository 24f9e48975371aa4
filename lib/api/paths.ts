// Where records are, as paths: on the site (HTML) and in the API. No origin and no
// server-only import, so that client components (the lawsuit search field) can use them;
// lib/api/urls.ts makes them absolute for API responses.
export const API_BASE_PATH = "/api/v1";

/** Where each kind of record is shown as a web page. */
export const htmlPath = {
  filing: (id: string) => `/filings/${encodeURIComponent(id)}`,
  lawsuit: (id: string) => `/lawsuits/${encodeURIComponent(id)}`,
  jurisdiction: (code: string) => `/states/${encodeURIComponent(code)}`,
};

/** Where each kind of record is in the API. */
export const apiPath = {
  filings: `${API_BASE_PATH}/filings`,
  filing: (id: string) => `${API_BASE_PATH}/filings/${encodeURIComponent(id)}`,
  lawsuits: `${API_BASE_PATH}/lawsuits`,
  lawsuit: (id: string) => `${API_BASE_PATH}/lawsuits/${encodeURIComponent(id)}`,
  policies: `${API_BASE_PATH}/policies`,
  agencies: `${API_BASE_PATH}/agencies`,
  jurisdictions: `${API_BASE_PATH}/jurisdictions`,
  jurisdiction: (code: string) => `${API_BASE_PATH}/jurisdictions/${encodeURIComponent(code)}`,
  openapi: `${API_BASE_PATH}/openapi.json`,
};
