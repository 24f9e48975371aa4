// The request header by which the front server (lib/http-cache/front-server.ts) tells
// Next.js that a page is rendered for the response cache, to be served to every
// reader: proxy.ts then gives it no nonce. The front server removes the header from
// what readers send, so only it can set it; Next.js itself listens on loopback only.
export const SHARED_RENDER_HEADER = "x-docketline-shared-render";
