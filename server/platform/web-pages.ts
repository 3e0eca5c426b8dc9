/**
 * The built web app: its files, and its pages — drawn on the server when a page renderer is
 * given (decision 0020), else sent as the empty `index.html` that the app draws in the browser.
 *
 * The renderer is the server build of `web/src/entry-server.tsx`. It asks the API for what a page
 * shows through `app.inject`, as the person asking for the page: their cookie, address, language
 * and request id, GET only. Every rule of the API (session, gates, tenant scope, 404 for a foreign
 * id) therefore decides what a drawn page contains, exactly as for the app's own requests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** How the renderer reaches the API: a GET of an `/api/` path, answered as a `fetch` would. */
export type PageApi = (path: string, init: RequestInit) => Promise<Response>;

/** What `web/src/entry-server.tsx` exports; written out here so the server does not import the web. */
export type PageRenderer = {
  renderPage(request: {
    url: string;
    headers: { cookie?: string; 'user-agent'?: string; 'sec-ch-ua-mobile'?: string };
    api: PageApi;
  }): Promise<{ kind: 'page'; html: string; state: string; lang: string } | { kind: 'app'; reason: string }>;
};

export type WebPages = {
  /** Answers a GET of a page address: drawn, or the app's empty page. */
  sendPage(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>;
};

/** Loads the server build of the web app, or null when it is not built (the browser then draws every page). */
export async function loadPageRenderer(entry: string | null): Promise<PageRenderer | null> {
  if (!entry || !fs.existsSync(entry)) return null;
  return (await import(/* @vite-ignore */ pathToUrl(entry))) as PageRenderer;
}

function pathToUrl(file: string): string {
  return new URL(`file://${path.resolve(file).split(path.sep).join('/')}`).href;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Serves the built app's files and returns how to answer its pages, or null when it is not built. */
export async function serveWebApp(
  app: FastifyInstance,
  options: { webDir: string; renderer?: PageRenderer | null },
): Promise<WebPages | null> {
  const indexPath = path.join(options.webDir, 'index.html');
  if (!fs.existsSync(indexPath)) return null;
  await app.register(fastifyStatic, {
    root: options.webDir,
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each asset (scripts/compress-web.ts); a browser that
    // accepts one gets it, with Vary: Accept-Encoding.
    preCompressed: true,
    setHeaders: (res, filePath) => {
      // Vite puts a content hash in every asset name, so they never change.
      if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        res.header('cache-control', 'public, max-age=31536000, immutable');
      }
    },
  });
  const indexHtml = fs.readFileSync(indexPath, 'utf8');
  const template = drawnTemplate(indexHtml);
  const renderer = options.renderer ?? null;

  const sendApp = (reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);

  return {
    async sendPage(request, reply) {
      if (!renderer) return sendApp(reply);
      let drawn: Awaited<ReturnType<PageRenderer['renderPage']>>;
      try {
        drawn = await renderer.renderPage({
          url: request.url,
          headers: {
            cookie: request.headers.cookie,
            'user-agent': request.headers['user-agent'],
            'sec-ch-ua-mobile': header(request, 'sec-ch-ua-mobile'),
          },
          api: apiAs(app, request),
        });
      } catch (err) {
        // The app in the browser draws the page as it always could; the fault is logged to be mended.
        request.log.error({ err }, 'the page could not be drawn on the server');
        return sendApp(reply);
      }
      if (drawn.kind === 'app') {
        request.log.debug({ reason: drawn.reason }, 'page left to the browser');
        return sendApp(reply);
      }
      const html = template
        .replace(/^(<!doctype html>\s*<html) lang="[a-z]+"/i, (_, start) => `${start} lang="${drawn.lang}"`)
        .replace('<!--drawn-->', () => `${drawn.html}</div>${drawn.state}`);
      // A drawn page holds the reader's own data: never kept by a shared cache, nor by the browser.
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('vary', 'Accept-Encoding, Cookie');
      const accepts = header(request, 'accept-encoding') ?? '';
      if (/\bbr\b/.test(accepts)) {
        const body = await brotli(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
        return reply.header('content-encoding', 'br').send(body);
      }
      if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(await gzip(html));
      return reply.send(html);
    },
  };
}

/**
 * `index.html` made ready for a drawn page: the early session check left out (the page already
 * has the session), a slot in the app's element, and the app's code asked for at low priority —
 * the page shows without it, so the stylesheet goes first on a slow link.
 */
export function drawnTemplate(indexHtml: string): string {
  const template = indexHtml
    .replace(/<script id="early-me">[\s\S]*?<\/script>\s*/, '')
    .replace('<div id="root"></div>', '<div id="root"><!--drawn-->')
    .replaceAll('<script type="module" crossorigin', '<script type="module" fetchpriority="low" crossorigin')
    .replaceAll(
      '<link rel="modulepreload" crossorigin',
      '<link rel="modulepreload" fetchpriority="low" crossorigin',
    );
  if (!template.includes('<!--drawn-->')) throw new Error('index.html has no <div id="root"></div>');
  return template;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A GET of the API, answered in-process as it would be answered to the one asking for the page. */
function apiAs(app: FastifyInstance, page: FastifyRequest): PageApi {
  return async (apiPath, init) => {
    const method = init.method ?? 'GET';
    if (method !== 'GET' || !apiPath.startsWith('/api/')) {
      throw new Error(`a page is drawn by reading the API only, not by ${method} ${apiPath}`);
    }
    const asked = new Headers(init.headers);
    const headers: Record<string, string> = {
      accept: asked.get('accept') ?? 'application/json',
      'accept-language': asked.get('accept-language') ?? 'sv',
      // The API's log lines of this page carry the page's request id.
      'x-request-id': page.id,
    };
    for (const name of ['cookie', 'user-agent', 'host', 'x-forwarded-for', 'x-forwarded-proto']) {
      const value = header(page, name);
      if (value !== undefined) headers[name] = value;
    }
    const answer = await app.inject({
      method: 'GET',
      url: apiPath,
      headers,
      // The asker's own address: routes open only to the machine itself stay closed to others.
      remoteAddress: page.socket.remoteAddress ?? '0.0.0.0',
    });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined)
        responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    }
    const empty = answer.statusCode === 204 || answer.statusCode === 304;
    return new Response(empty ? null : new Uint8Array(answer.rawPayload), {
      status: answer.statusCode,
      headers: responseHeaders,
    });
  };
}
