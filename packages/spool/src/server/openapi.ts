/**
 * The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json: every route the app
 * registered, with what it does; docs/http-api.md tells the rest in prose.
 */
/** A route as registered: what the security checks and the API description walk. */
export interface RouteSummary {
  method: string;
  url: string;
}

/** What each route does, by `METHOD /path`; a route missing here is a test failure, not a gap. */
export const ROUTE_SUMMARIES: Record<string, { summary: string; tag: string; body?: 'json' | 'bytes' }> = {
  'GET /api/health': { summary: 'Version, uptime and the render pool’s load', tag: 'health' },
  'GET /api/catalog': { summary: 'Themes, layouts, ratios, patterns and fonts to choose from', tag: 'catalog' },
  'GET /api/fonts': { summary: 'The bundled font families and their faces', tag: 'catalog' },
  'GET /api/fonts/:family/:weight/:style': { summary: 'One bundled font face (WOFF2)', tag: 'catalog' },
  'GET /api/emoji': { summary: 'The emoji the slides can show', tag: 'catalog' },
  'GET /api/emoji/:file': { summary: 'One emoji image (SVG)', tag: 'catalog' },
  'GET /api/projects': { summary: 'Every project, newest first, without its deck', tag: 'projects' },
  'POST /api/projects': { summary: 'Create a project from a document, a deck or a design', tag: 'projects', body: 'json' },
  'GET /api/projects/:id': { summary: 'One project with its document and deck', tag: 'projects' },
  'PUT /api/projects/:id': { summary: 'Save a project (409 when its revision is not the current one)', tag: 'projects', body: 'json' },
  'DELETE /api/projects/:id': { summary: 'Delete a project', tag: 'projects' },
  'POST /api/projects/:id/duplicate': { summary: 'Copy a project', tag: 'projects', body: 'json' },
  'GET /api/projects/:id/export': { summary: 'Export a project as PDF, PNG, JPEG or SVG (a ZIP for several pages)', tag: 'render' },
  'GET /api/projects/:id/bundle': { summary: 'A ready-to-post bundle (ZIP): LinkedIn PDF, Instagram JPEGs, captions, title, alt text, preflight', tag: 'publish' },
  'GET /api/projects/:id/publish-preview': { summary: 'The captions, alt text and preflight a publish would use', tag: 'publish' },
  'POST /api/projects/:id/publish': { summary: 'Publish a project to LinkedIn or Instagram now, or schedule it (`at`)', tag: 'publish', body: 'json' },
  'GET /api/publish': { summary: 'Publish jobs, newest first (`?project=` for one project’s)', tag: 'publish' },
  'GET /api/publish/:id': { summary: 'One publish job: its state, attempts, the platform’s last message, the post’s address', tag: 'publish' },
  'DELETE /api/publish/:id': { summary: 'Cancel a scheduled or failed publish', tag: 'publish' },
  'POST /api/publish/:id/retry': { summary: 'Try a failed publish again now', tag: 'publish' },
  'GET /api/accounts': { summary: 'Connected LinkedIn and Instagram accounts (never their tokens)', tag: 'publish' },
  'DELETE /api/accounts/:id': { summary: 'Forget a connected account and its token', tag: 'publish' },
  'POST /api/accounts/:platform/connect': { summary: 'Start connecting an account with your own app (OAuth): the address to send the user to', tag: 'publish', body: 'json' },
  'GET /api/brand-kits': { summary: 'Brand profiles', tag: 'library' },
  'POST /api/brand-kits': { summary: 'Create a brand profile', tag: 'library', body: 'json' },
  'GET /api/brand-kits/:id': { summary: 'One brand profile', tag: 'library' },
  'PUT /api/brand-kits/:id': { summary: 'Change a brand profile', tag: 'library', body: 'json' },
  'DELETE /api/brand-kits/:id': { summary: 'Delete a brand profile', tag: 'library' },
  'GET /api/presets': { summary: 'Saved designs', tag: 'library' },
  'POST /api/presets': { summary: 'Save a design', tag: 'library', body: 'json' },
  'GET /api/presets/:id': { summary: 'One saved design', tag: 'library' },
  'PUT /api/presets/:id': { summary: 'Change a saved design', tag: 'library', body: 'json' },
  'DELETE /api/presets/:id': { summary: 'Delete a saved design', tag: 'library' },
  'POST /api/assets': { summary: 'Upload an image or a font (the raw bytes as the body)', tag: 'assets', body: 'bytes' },
  'GET /api/assets/:id': { summary: 'An uploaded image or font', tag: 'assets' },
  'POST /api/import': { summary: 'Turn a thread, article, page, archive or post URL into a document', tag: 'import', body: 'json' },
  'POST /api/rewrite': { summary: 'Ask the configured language model to tighten a document, within the guard', tag: 'import', body: 'json' },
  'POST /api/render': { summary: 'Export any deck sent in the body', tag: 'render', body: 'json' },
  'POST /api/exports': { summary: 'Queue an export of a project (`projectId`) or any deck: 202 with the job', tag: 'render', body: 'json' },
  'GET /api/exports/:id': { summary: 'One export job: queued, running, done (with its file’s address) or failed (with why)', tag: 'render' },
  'GET /api/exports/:id/file': { summary: 'The file an export job made (409 until it is done)', tag: 'render' },
  'DELETE /api/exports/:id': { summary: 'Delete an export job and its file', tag: 'render' },
  'GET /api/openapi.json': { summary: 'This description', tag: 'health' },
};

export function openApiDocument(routes: readonly RouteSummary[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    if (!route.url.startsWith('/api')) continue;
    const known = ROUTE_SUMMARIES[`${route.method} ${route.url}`];
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const params = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const operation: Record<string, unknown> = {
      summary: known?.summary ?? route.url,
      tags: [known?.tag ?? 'other'],
      operationId: `${route.method.toLowerCase()}${route.url.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      ...(params.length ? { parameters: params } : {}),
      ...(known?.body === 'json' ? { requestBody: { required: route.method !== 'POST' || !/duplicate/.test(route.url), content: { 'application/json': { schema: { type: 'object' } } } } } : {}),
      ...(known?.body === 'bytes' ? { requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } } : {}),
      responses: {
        '200': { description: 'Done' },
        '4XX': { description: 'The request cannot be done as sent; the body says why', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Spool HTTP API', version, description: 'The studio’s own API: projects, brand profiles, presets, assets, import, export, bundles and publishing. See docs/http-api.md.' },
    servers: [{ url: '/' }],
    components: {
      schemas: { Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } } },
      securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'SPOOL_TOKEN, when the server has one' } },
    },
    security: [{}, { token: [] }],
    paths,
  };
}
